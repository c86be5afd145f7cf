[profile]
name=x
version=1
[thresholds]
iv_expansion=NaN
