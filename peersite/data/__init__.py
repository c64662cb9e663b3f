"""The data: content/data.yml read with every value's place, its record classes and field kinds, and its checks."""
