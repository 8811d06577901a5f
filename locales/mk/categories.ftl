## Теми на барањата до општината (почетна листа; подоцна ја уредува општината).

category-roads = Патишта и мостови
category-water = Вода и канализација
category-waste = Отпад и чистење
category-lighting = Улично осветлување
category-public-spaces = Паркови, плоштади и училишта
category-social-help = Социјална помош
category-documents = Документи и уверенија
category-other = Нешто друго
