## Temat e kërkesave drejtuar bashkisë (lista fillestare; më vonë e menaxhon bashkia).

category-roads = Rrugë dhe ura
category-water = Ujë dhe kanalizime
category-waste = Mbeturina dhe pastrim
category-lighting = Ndriçimi i rrugëve
category-public-spaces = Parqe, sheshe dhe shkolla
category-social-help = Ndihmë sociale
category-documents = Dokumente dhe certifikata
category-other = Diçka tjetër
