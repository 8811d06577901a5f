## Teme zahteva opštini (početna lista; kasnije je uređuje opština).

category-roads = Putevi i mostovi
category-water = Voda i kanalizacija
category-waste = Otpad i čišćenje
category-lighting = Ulična rasveta
category-public-spaces = Parkovi, trgovi i škole
category-social-help = Socijalna pomoć
category-documents = Dokumenti i uverenja
category-other = Nešto drugo
