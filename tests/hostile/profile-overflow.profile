[profile]
name=x
version=1
[thresholds]
max_layers=9999999999999999999
