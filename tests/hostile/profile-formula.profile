[profile]
name=x
version=1
[thresholds]
=HYPERLINK("x")=1
