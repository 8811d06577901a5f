## Topics of requests to the municipality (the starting list; the municipality manages it later).

category-roads = Roads and bridges
category-water = Water and drains
category-waste = Rubbish and cleaning
category-lighting = Street lights
category-public-spaces = Parks, squares and schools
category-social-help = Social help
category-documents = Documents and certificates
category-other = Something else
