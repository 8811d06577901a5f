## Greške koje prijavljuje Rust deo aplikacije. Svaka kaže šta treba uraditi, sa malo reči.

error-not-found = Nismo to pronašli. Možda je obrisano.
error-no-active-profile = Prvo izaberite ko koristi aplikaciju.
error-wrong-pin = Taj PIN nije tačan. Pokušajte ponovo.
error-pin-locked = Previše pogrešnih pokušaja. Sačekajte jedan minut, pa pokušajte ponovo.
error-invalid-input = Nešto ovde nije u redu. Pogledajte označeno polje.
error-disk-full = Memorija telefona je puna, pa ovo nije sačuvano. Oslobodite malo prostora (obrišite stare fotografije ili video snimke), pa pokušajte ponovo. Ono što ste napisali je i dalje ovde.
error-storage-corrupt = Datoteka sa podacima aplikacije je oštećena. Sačuvana je po strani da se ništa više ne izgubi, a aplikacija je počela iz početka. Zatražite pomoć od pomagača.
error-storage = Aplikacija nije mogla da sačuva. Pokušajte ponovo. Ono što ste napisali je i dalje ovde.
error-internal = Nešto je pošlo naopako u aplikaciji. Pokušajte ponovo. Ako se ponovi, zatražite pomoć od pomagača.
error-name-empty = Napišite ime.
error-name-too-long = Ime je predugačko. Koristite najviše { $max } slova.
error-pin-format = PIN mora imati od { $min } do { $max } cifara.
error-title-too-long = Naslov je predugačak. Koristite najviše { $max } slova.
error-text-too-long = Tekst je predugačak. Koristite najviše { $max } slova ili snimite glasovnu poruku.
error-unknown-category = Izaberite temu sa liste.
notice-storage-recovered = Datoteka sa podacima aplikacije je oštećena. Sačuvana je po strani kao { $file }, a aplikacija je počela iz početka.
error-offline = Sada nema veze sa opštinom. Vaš rad je sačuvan na ovom uređaju; pokušajte ponovo kada bude signala.
error-sync-off = Slanje nije podešeno na ovom uređaju. Zatražite pomoć od pomagača.
error-pairing-invalid = Ovaj kod je pogrešan ili prestar. Zatražite novi kod na drugom telefonu i unesite ga ponovo.
error-too-many-attempts = Previše pogrešnih pokušaja. Sačekajte nekoliko minuta, pa pokušajte ponovo.
error-update-required = Ova aplikacija je prestara za slanje. Ažurirajte aplikaciju.
sync-message-off = Slanje opštini nije podešeno na ovom uređaju. Vaš rad je sačuvan ovde.
sync-message-offline = Nema veze. Vaš rad je sačuvan i biće poslat kasnije.
sync-message-error = Slanje nije uspelo. Vaš rad je sačuvan. Pokušaćemo ponovo.
sync-message-no-keyring = Ovaj uređaj nema bezbedno mesto za ključ za slanje, pa je slanje isključeno. Vaš rad je sačuvan ovde.
sync-message-update = Ažurirajte aplikaciju da biste poslali svoj rad.
