# Kontrolna tabla opštine i javna stranica transparentnosti (server za sinhronizaciju).

dash-site = mCommunity · Opština Fuše-Arez
dash-skip = Preskoči na sadržaj
dash-nav = Kontrolna tabla
dash-language = Jezik
dash-nav-inbox = Prijave
dash-nav-reports = Izveštaji
dash-nav-announcements = Obaveštenja
dash-nav-categories = Kategorije
dash-nav-audit = Dnevnik aktivnosti
dash-nav-transparency = Transparentnost
dash-logout = Odjavi se ({ $name })
dash-back-to-inbox = Nazad na prijave

## Greške

dash-error-not-found = Nije pronađeno
dash-error-forbidden = Nemate dozvolu za ovu stranicu
dash-error-csrf = Obrazac je istekao. Otvorite stranicu ponovo i pokušajte još jednom.
dash-error-bad-request = Nešto u obrascu nije u redu. Vratite se i proverite.
dash-error-internal = Nešto nije u redu na serveru. Pokušajte kasnije.

## Prijava zaposlenih

dash-login-title = Prijava za zaposlene
dash-login-username = Korisničko ime
dash-login-password = Lozinka
dash-login-submit = Prijavi se
dash-login-wrong = Pogrešno korisničko ime ili lozinka.
dash-login-locked = Previše pogrešnih lozinki. Nalog je zaključan 15 minuta.

## Prijave

dash-inbox-title = Prijave
dash-inbox-table = Prijave, najnovije prve
dash-inbox-count = { $count ->
    [one] { $count } prijava
    [few] { $count } prijave
   *[other] { $count } prijava
}
dash-filters = Filteri
dash-filter-any = Sve
dash-filter-search = Traži u naslovu i tekstu
dash-filter-status = Status
dash-filter-category = Kategorija
dash-filter-kind = Vrsta
dash-filter-assigned = Dodeljeno
dash-filter-from = Poslato od
dash-filter-until = Poslato do
dash-filter-voice = Samo sa glasovnom porukom
dash-filter-photo = Samo sa fotografijom
dash-filter-apply = Prikaži
dash-col-sent = Poslato
dash-col-title = Naslov
dash-col-category = Kategorija
dash-col-kind = Vrsta
dash-col-status = Status
dash-col-assigned = Dodeljeno
dash-assigned-nobody = Niko
dash-has-photo = Fotografija
dash-has-voice = Glasovna poruka
dash-untitled = (bez naslova)
dash-category-none = (bez kategorije)
dash-pages = Stranice
dash-page-previous = Prethodna stranica
dash-page-next = Sledeća stranica
dash-page-of = Stranica { $page } od { $pages }

dash-status-received = Primljeno
dash-status-in-progress = U toku
dash-status-answered = Odgovoreno
dash-status-fixed = Rešeno
dash-status-not-our-responsibility = Nije naša nadležnost
dash-status-closed = Zatvoreno

dash-kind-problem = Problem
dash-kind-request = Zahtev
dash-kind-complaint = Žalba
dash-kind-proposal = Predlog
dash-kind-question = Pitanje

## Jedna prijava

dash-expected = Očekuje se do
dash-location = Mesto
dash-location-map = Otvori na mapi
dash-location-none = Mesto nije navedeno
dash-text = Tekst
dash-text-none = Nema teksta (pogledajte fotografije ili glasovnu poruku).
dash-photos = Fotografije
dash-photo-alt = Fotografija { $n } koju je poslao stanovnik
dash-voice = Glasovna poruka
dash-voice-length = { $seconds } sekundi
dash-voice-download = Preuzmi glasovnu poruku
dash-conversation = Razgovor
dash-conversation-empty = Još nema poruka.
dash-resident = Stanovnik
dash-answer = Odgovor
dash-reply = Odgovor stanovniku (po želji)
dash-answer-send = Sačuvaj i pošalji
dash-reply-by = { $name }, Opština Fuše-Arez
dash-assign = Dodela
dash-assign-to = Dodeli
dash-assign-save = Sačuvaj dodelu

## Izveštaji i transparentnost

dash-reports-title = Izveštaji
dash-totals = Ukupno
dash-received = Primljeno
dash-answered-share = Odgovoreno
dash-median = Srednje vreme do prvog odgovora
dash-p90 = 9 od 10 odgovoreno u roku od
dash-hours = { $hours } h
dash-count = Broj
dash-month = Mesec
dash-village = Selo
dash-by-status = Po statusu
dash-by-category = Po kategoriji
dash-by-kind = Po vrsti
dash-by-month = Po mesecu
dash-by-village = Po selu
dash-first-reply = Prvi odgovor
dash-export = Izvoz
dash-export-full = Datoteka sadrži tekstove i oznake stanovnika (samo za administratore).
dash-export-anonymous = Datoteka nema tekstove ni lične podatke.
dash-export-download = Preuzmi CSV
dash-csv-id = Oznaka
dash-csv-author = Oznaka stanovnika
dash-yes = da
dash-no = ne
dash-transparency-title = Kako opština odgovara
dash-transparency-intro = Šta su stanovnici tražili od Opštine Fuše-Arez preko mCommunity i koliko brzo je odgovorila.
dash-transparency-privacy = Ovde se ne prikazuju imena, tekstovi ni mesta preciznija od sela.

## Obaveštenja

dash-announcements-title = Obaveštenja
dash-announcement-new = Novo obaveštenje
dash-announcement-help = Napišite naslov i tekst na svakom jeziku koji želite. Prazni jezici se preskaču.
dash-announcement-title = Naslov
dash-announcement-text = Tekst
dash-announcement-picture = Slika (JPEG ili PNG, po želji)
dash-announcement-publish = Objavi na svim uređajima
dash-announcements-list = Objavljena obaveštenja
dash-announcements-none = Još nema obaveštenja.
dash-announcement-withdraw = Povuci „{ $title }“
dash-published = Objavljeno
dash-withdrawn = Povučeno
dash-actions = Radnje

## Kategorije

dash-categories-title = Kategorije
dash-categories-help = Stanovnici biraju iz ovih kategorija. Promene stižu na svaki uređaj pri sledećoj sinhronizaciji.
dash-category-name = Naziv
dash-category-id = Oznaka (a-z, 0-9 i -)
dash-category-add = Dodaj kategoriju
dash-category-rename = Sačuvaj nazive
dash-category-retire = Povuci
dash-category-restore = Ponovo ponudi
dash-category-retired = povučena

## Dnevnik aktivnosti

dash-audit-title = Dnevnik aktivnosti
dash-audit-when = Kada
dash-audit-who = Ko
dash-audit-what = Šta
dash-audit-target = Na čemu
dash-audit-detail = Detalji

## Pokazatelji (stranica projekta)

dash-nav-indicators = Pokazatelji
dash-ind-title = Pokazatelji projekta
dash-ind-intro = Susreti u zajednici i procene digitalnih veština, prebrojani za donatore projekta. Imena se nikad ne čuvaju: ljudi se broje po profilu, jednom u svakoj tabeli, po podacima koje su poslednji put dali uz svoju saglasnost.
dash-ind-country = Država
dash-ind-sessions-held = Održani susreti
dash-ind-people-reached = Obuhvaćeni ljudi
dash-ind-attendances = Prisustva
dash-ind-assessments = Urađene procene
dash-ind-small-cells = Da niko ne bi mogao da se prepozna, broj koji broji manje od { $min } ljudi prikazan je kao „< { $min }“, a sa njim je skriven još jedan mali broj iz istog reda, da ga zbir ne bi otkrio.
dash-ind-sessions-by-country = Održani susreti po državi
dash-ind-breakdown = Koga smo obuhvatili
dash-ind-by-gender = Po polu
dash-ind-by-age = Po starosti
dash-ind-by-settlement = Selo ili grad
dash-ind-by-country = Po državi
dash-ind-by-group = Po ciljnoj grupi
dash-ind-col-measure = Pokazatelj
dash-ind-total = Ukupno
dash-ind-not-said = Nisu rekli
dash-ind-n = n = { $n }
dash-ind-country-al = Albanija
dash-ind-country-xk = Kosovo
dash-ind-country-mk = Severna Makedonija
dash-ind-gender-woman = Žene
dash-ind-gender-man = Muškarci
dash-ind-gender-other = Drugo
dash-ind-settlement-rural = Selo
dash-ind-settlement-urban = Grad
dash-ind-group-older-person = Stariji ljudi
dash-ind-group-woman-reading-little = Žene koje malo čitaju
dash-ind-group-young-person = Mladi
dash-ind-group-disability = Osobe sa invaliditetom
dash-ind-group-first-phone = Prvi pametni telefon
dash-ind-group-minority = Manjinske zajednice
dash-ind-skills = Digitalne veštine pre i posle
dash-ind-skills-intro = Ljudi sa dve ili više procena: prva naspram poslednje, kao prosečan rezultat od 0 („Ne mogu“) do 3 („Mogu da naučim druge“), po oblasti DigComp.
dash-ind-area = Oblast DigComp
dash-ind-people = Ljudi (n)
dash-ind-before = Pre
dash-ind-after = Posle
dash-ind-change = Promena
dash-ind-area-information = Informacije i podaci
dash-ind-area-communication = Komunikacija i saradnja
dash-ind-area-content-creation = Stvaranje digitalnog sadržaja
dash-ind-area-safety = Bezbednost
dash-ind-area-problem-solving = Rešavanje problema
dash-ind-export-note = Tabele kao na ovoj stranici, sa skrivenim malim brojevima, i procene po jedan red za analizu: svaka osoba pod novom nasumičnom šifrom pri svakom preuzimanju, bez imena, bez oznaka profila, bez sela, samo mesec.
dash-ind-export-tables = Preuzmi tabele (CSV)
dash-ind-export-assessments = Preuzmi anonimne procene (CSV)
dash-ind-csv-table = Tabela
dash-ind-csv-category = Grupa
dash-ind-csv-value = Broj
dash-ind-csv-people = Ljudi (n)
dash-ind-csv-person = Osoba (šifra)
dash-ind-csv-sequence = Procena br.
dash-ind-csv-with-volunteer = Sa volonterom
dash-ind-csv-municipality = Opština
dash-ind-csv-score = { $area }: rezultat
dash-ind-csv-level = { $area }: nivo
dash-assisted = Napisano uz pomoć
dash-assisted-by = od volontera { $name }
dash-consent-tap = stanovnik se složio dodirom
dash-consent-voice = stanovnik je rekao da naglas (snimljeno)
dash-consent-withdrawn = stanovnik je od tada zabranio volonteru da ga prati
dash-ind-assisted = Zahtevi poslati uz pomoć volontera
dash-expected-invalid = Unesite očekivani datum kao dan iz kalendara, na primer 2026-12-31. Vaš odgovor je sačuvan ispod.
