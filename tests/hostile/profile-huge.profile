[profile]
name=x
version=1
[thresholds]
wing_sd=1e400
