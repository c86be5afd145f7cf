[profile]
name=strict
version=2

[thresholds]
iv_expansion=0.20
wing_sd=0.5
layer_ratio=1:2:3
