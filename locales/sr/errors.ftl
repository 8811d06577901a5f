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
