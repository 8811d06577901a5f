# Aplikacija mCommunity: srpski (latinica). Kratke reči, za ljude koji malo čitaju.

## Zajedničko

common-loading = Otvara se…
common-error-unexpected = Nešto nije u redu. Pokušajte ponovo.
common-close = Zatvori
common-back = Nazad
common-home = Početna
common-read-aloud = Pročitaj naglas
common-stop-reading = Zaustavi čitanje
common-listen = Slušaj
common-stop = Zaustavi

## Jezik (na početku, i kod Ljudi). `language-name` je ime jezika na tom istom jeziku.

language-name = Srpski
language-title = Izaberite jezik

## Ko koristi aplikaciju?

who-title = Ko koristi aplikaciju?
who-new-person = Nova osoba
who-with-pin = { $name }, sa PIN-om

## PIN

pin-title = { $name }
pin-label = Vaš PIN
pin-pad = Dugmad sa brojevima
pin-erase = Obriši
pin-submit = Otvori

## Nova osoba

person-new-title = Nova osoba
person-name = Ime
person-avatar = Slika
person-pin = PIN (ako želite)
person-pin-hint = Od 4 do 6 brojeva. Ostavite prazno ako ne želite PIN.
person-pin-repeat = Ponovite PIN
person-create = Gotovo
person-error-name-required = Upišite ime.
person-error-name-too-long = Ime je predugo. Najviše 60 slova.
person-error-pin-format = PIN mora imati od 4 do 6 brojeva.
person-error-pin-mismatch = Dva PIN-a nisu ista.

avatar-sun = Sunce
avatar-moon = Mesec
avatar-tree = Drvo
avatar-flower = Cvet
avatar-bird = Ptica
avatar-fish = Riba
avatar-mountain = Planina
avatar-house = Kuća

## Početna

home-greeting = Zdravo, { $name }!
home-change-person = Promeni osobu
home-tile-learn = Uči
home-tile-practise = Vežbaj
home-tile-requests = Moji zahtevi
home-tile-news = Vesti
home-tile-people = Ljudi

## Moji zahtevi

requests-title = Moji zahtevi
requests-new = Novi zahtev
requests-empty = Još nemate zahteva.
requests-no-title = (bez naslova)
requests-updated = { $days ->
    [0] Danas
    [1] Juče
    [one] pre { $days } dan
   *[other] pre { $days } dana
}
requests-kind-title = Šta želite da pošaljete?

kind-problem = Problem
kind-request = Zahtev
kind-complaint = Žalba
kind-proposal = Ideja
kind-question = Pitanje

## Pisanje zahteva

draft-kind = Vrsta
draft-category = Tema
draft-category-none = Izaberite temu
draft-title = Naslov
draft-title-hint = Nekoliko reči.
draft-text = Šta želite da kažete?
draft-text-hint = Recite šta se desilo i gde.
draft-status-saving = Čuva se…
draft-status-saved = Sačuvano
draft-status-error = Još nije sačuvano
draft-retry-note = Uskoro ćemo pokušati ponovo.
draft-delete = Obriši
draft-delete-confirm = Obrisati ovaj zahtev?
draft-delete-yes = Obriši
draft-delete-no = Zadrži
draft-send = Pošalji opštini
draft-send-confirm = Poslati ovaj zahtev opštini?
draft-send-confirm-detail = Posle slanja više ne može da se menja. Opština će ga pročitati. Otići će sam čim bude veze.
draft-send-yes = Pošalji
draft-send-no = Još ne
draft-sent-done = Poslato. Opština će vam odgovoriti ovde.
draft-sent-at = Poslato { $date } u { $time }
draft-sent-locked = Poslat zahtev ne može da se menja.
draft-photos = Fotografije
draft-photos-hint = Do { $max } fotografija.
draft-photo-add = Dodaj fotografiju
draft-photo-alt = Fotografija { $n } od { $count }
draft-photo-remove = Ukloni fotografiju { $n }
draft-photos-full = Imate { $max } fotografija. Više ne može.
request-status-draft = Nacrt
request-status-sent = Poslato
request-status-received = Primljeno
request-status-in-progress = U toku
request-status-answered = Odgovoreno
request-status-fixed = Popravljeno
request-status-not-ours = Nije za opštinu
request-status-closed = Zatvoreno
answer-your-request = Vaš zahtev
answer-title = Odgovor opštine
answer-waiting = Još nema odgovora. Opština će vam odgovoriti ovde.
answer-expected = Očekuje se do { $date }
answer-reply-at = { $date } u { $time }
answer-listen = Slušaj: odgovor od { $by }
answer-arrived = Novo od opštine: { $status }

## Voice note: in the request editor, and its player. `voice-time` reads "0:12 of 3:00".

voice-title = Glasovna poruka
voice-hint = Možete to reći umesto da pišete. Do { $minutes } minuta.
voice-record = Snimi
voice-asking = Traži se mikrofon…
voice-recording = Snima se. Govorite sada.
voice-time = { $time } od { $max }
voice-time-label = Snimljeno vreme
voice-stop = Zaustavi
voice-saving = Snimak se čuva…
voice-listen = Slušaj
voice-pause = Pauza
voice-length = Trajanje: { $time }
voice-at-limit = Snimanje je stalo na { $max }. Glasovna poruka ne može biti duža.
voice-again = Snimi ponovo
voice-again-confirm = Snimiti novu glasovnu poruku? Ona će zameniti ovu.
voice-again-yes = Snimi ponovo
voice-again-no = Zadrži ovu
voice-remove = Ukloni
voice-remove-confirm = Ukloniti glasovnu poruku?
voice-remove-yes = Ukloni
voice-remove-no = Zadrži
voice-denied = Aplikacija nema dozvolu za mikrofon. Da biste je dali, otvorite Podešavanja telefona, zatim Aplikacije, mCommunity, Dozvole, i uključite Mikrofon. Zatim ponovo dodirnite Snimi.
voice-no-microphone = Mikrofon nije pronađen. Možete pisati, ili zamolite pomoćnika.
voice-failed = Snimanje nije uspelo. Pokušajte ponovo.

## Place of a request: optional, chosen on a drawn map or from the villages. Village names are proper nouns.

place-title = Mesto
place-title-optional = Mesto (ako želite)
place-hint = Pokažite na mapi gde je.
place-add = Dodaj mesto
place-change = Promeni mesto
place-remove = Ukloni mesto
place-near = U blizini: { $village }
place-screen-title = Gde je to?
place-why = Mesto pomaže radnicima da ga pronađu. Ne morate ga dodati.
place-map = Mapa: { $municipality }
place-map-help = Dodirnite mapu tamo gde je. Tastaturom: strelice pomeraju oznaku, Enter bira.
place-list = Ili izaberite selo:
place-no-pin = Mesto još nije izabrano.
place-use = Koristi ovo mesto

## Conversation on a sent request: the person's messages and the municipality's replies.

talk-title = Razgovor
talk-you = Vi
talk-listen-mine = Slušaj: vaša poruka
talk-message = Dodajte poruku
talk-message-hint = Opština će je pročitati uz vaš zahtev.
talk-send = Pošalji poruku
talk-kept = Poruka je sačuvana. Otići će sa sledećom vezom.

## News: the municipality's announcements.

news-title = Vesti
news-empty = Još nema vesti od opštine.
news-date = Objavljeno { $date }
news-listen = Slušaj: { $title }

## Ljudi

people-title = Ljudi
people-name = Ime
people-rename = Sačuvaj ime
people-renamed = Ime je sačuvano
people-avatar = Slika
people-language = Jezik
people-change-person = Promeni osobu
people-new-person = Nova osoba
people-delete = Obriši ovu osobu
people-delete-confirm = { $drafts ->
    [0] Obrisati osobu { $name }?
    [one] Obrisati osobu { $name }? Izgubiće se { $drafts } neposlat zahtev.
    [few] Obrisati osobu { $name }? Izgubiće se { $drafts } neposlata zahteva.
   *[other] Obrisati osobu { $name }? Izgubiće se { $drafts } neposlatih zahteva.
}
people-delete-yes = Obriši
people-delete-no = Zadrži

## Slanje (sinhronizacija). Na Početnoj i kod Mojih zahteva; kratko i mirno: rad se nikad ne gubi.

sync-pending = { $count ->
    [one] Sačuvano na ovom telefonu, { $count } stavka čeka slanje
    [few] Sačuvano na ovom telefonu, { $count } stavke čekaju slanje
   *[other] Sačuvano na ovom telefonu, { $count } stavki čeka slanje
}
sync-done = Sve je poslato
sync-syncing = Šalje se…
sync-offline = Nema veze — vaš rad je bezbedan
sync-off = Sačuvano na ovom telefonu — slanje nije podešeno
sync-error = Još nije poslato — vaš rad je bezbedan
sync-waiting = { $count ->
    [one] { $count } stavka čeka slanje
    [few] { $count } stavke čekaju slanje
   *[other] { $count } stavki čeka slanje
}
sync-sent-now = Poslato upravo sada
sync-sent-minutes = { $minutes ->
    [one] Poslato pre { $minutes } minut
   *[other] Poslato pre { $minutes } minuta
}
sync-sent-hours = { $hours ->
    [one] Poslato pre { $hours } sat
    [few] Poslato pre { $hours } sata
   *[other] Poslato pre { $hours } sati
}
sync-sent-days = { $days ->
    [1] Poslato juče
    [one] Poslato pre { $days } dan
   *[other] Poslato pre { $days } dana
}
sync-sent-date = Poslato { $date }
sync-send-now = Pošalji sada

## Drugi telefon (povezivanje). `pairing-enter` i `pairing-show` se navode u koracima drugog ekrana.

pairing-show = Koristi ovu osobu na drugom telefonu
pairing-show-asking = Traži se kod…
pairing-show-steps = Na drugom telefonu otvorite mCommunity, dodirnite „{ pairing-enter }” i unesite ovaj kod:
pairing-code-spoken = Kod je { $digits }.
pairing-minutes-left = { $minutes ->
    [one] Važi još { $minutes } minut.
   *[other] Važi još { $minutes } minuta.
}
pairing-expired = Ovaj kod više ne važi.
pairing-new-code = Novi kod
pairing-try-again = Pokušaj ponovo
pairing-done = Gotovo
pairing-enter = Već koristim mCommunity na drugom telefonu
pairing-enter-title = Poveži se sa drugim telefonom
pairing-enter-steps = Na drugom telefonu otvorite „{ home-tile-people }” i dodirnite „{ pairing-show }”. Unesite kod koji se pojavi.
pairing-code-label = Kod (8 brojeva)
pairing-code-hint = Sa razmakom ili bez njega.
pairing-submit = Poveži
pairing-connecting = Povezuje se…
pairing-error-empty = Unesite kod sa drugog telefona.
pairing-error-format = Kod ima 8 brojeva. Pogledajte drugi telefon i unesite sve.
pairing-connected = Povezano. Vaše stvari stižu.

## Uči (lekcije). Tekstovi lekcija dolaze iz samih lekcija; ovo su reči oko njih.

learn-title = Uči
learn-empty = Još nema lekcija.
learn-course-beginners = Prvi koraci
learn-course-everyday = Svaki dan
learn-course-helpers = Za pomagače
learn-minutes = { $minutes } min
learn-status-new = Novo
learn-status-started = { $seen } od { $total }
learn-status-done = Gotovo
lesson-in-language = Ova lekcija je na jeziku: { $language }.
lesson-step = Korak { $step } od { $total }
lesson-question = Pitanje { $number } od { $total }
lesson-next = Dalje
lesson-finish = Završi
lesson-right = Tačno!
lesson-wrong = Nije ovo.
lesson-listen-choice = Slušaj odgovor { $choice }
lesson-done-title = Bravo!
lesson-done-learnt = Naučili ste:
lesson-done-list = Nazad na lekcije
lesson-repeat = Uradi lekciju ponovo

## Vežbaj (obrasci za vežbanje). Tekstovi obrazaca i greške dolaze iz obrazaca i iz Rust-a.

practise-title = Vežbaj
practise-safe = Ovo je samo vežba. Ništa se nigde ne šalje.
practise-empty = Još nema obrazaca za vežbanje.
practise-portal-e-albania = e-Albania
practise-portal-e-kosova = e-Kosova
practise-portal-uslugi = uslugi.gov.mk
practise-portal-municipality = Opština
practise-practised = Vežbano
practise-finished = Završeno
practice-in-language = Ovaj obrazac je na jeziku: { $language }.
practice-not-saved = Ono što ovde pišete se ne čuva.
practice-steps-title = Kako ide prava usluga
practice-listen-step = Slušaj korak { $step }
practice-start = Počni
practice-page = Strana { $page } od { $total }
practice-next-page = Sledeća strana
practice-finish = Završi
practice-problems = Neka polja treba ispraviti. Pogledajte crvene reči.
practice-example = Primer: { $example }
practice-listen-help = Slušaj pomoć
practice-help-show = Pomoć
practice-help-hide = Sakrij pomoć
practice-choose = Izaberite…
practice-file-choose = Izaberite datoteku
practice-file-chosen = Izabrano: { $name }
practice-file-name = moj-dokument.pdf
practice-sms = SMS za vežbu: vaš kod je { $code }
practice-end-title = Bravo!
practice-end-text = Završili ste vežbu.
practice-next-title = Šta bi se dalje desilo
practice-end-list = Nazad na vežbe
practice-again = Probaj ponovo

## Susreti u zajednici, zahtevi napisani uz pomoćnika, provera veština (pitanje 6)
common-next = Dalje
sessions-open = Susreti
sessions-title = Susreti u zajednici
sessions-new = Novi susret
sessions-empty = Još nema susreta.
sessions-count = Došlo je { $present } od { $registered }
volunteer-why = Susreti su za volontere. Prijavite se jednom volonterskim nalogom koji vam je dao projekat.
volunteer-connection = Za ovo je internet potreban samo jednom. Posle radi i bez interneta.
volunteer-username = Ime volonterskog naloga
volunteer-password = Lozinka
volunteer-sign-in = Prijavi se kao volonter
volunteer-signed-in = Volonter: { $username }
session-new-title = Novi susret
session-date = Dan
session-village = Selo
session-village-other = Drugo mesto
session-place = Ime mesta
session-municipality = Opština
session-country = Država
session-topic = O čemu je
session-topic-hint = Nekoliko reči, na primer „Kako poslati zahtev opštini“.
session-planned = Planirane lekcije
session-create = Napravi susret
session-add-person = Dodaj osobu
session-people = { $count ->
    [one] Jedna osoba
    [few] { $count } osobe
   *[other] { $count } osoba
}
session-empty = Još niko nije na spisku.
session-present = Došao je
session-not-present = Nije tu
session-someone-elsewhere = Neko sa drugog telefona
session-learned = Danas: završenih lekcija { $lessons }, vežbanih obrazaca { $forms }.
session-no-facts = Nije rekao ništa o sebi.
session-record-learning = Zapiši šta je naučio danas
session-note = Beleška
session-note-hint = Čuva se dok pišete. Ne pišite imena ovde.
session-add-title = Dodaj osobu
session-add-who = Ko je došao?
session-add-new = Neko nov
session-add-done = { $name } je na spisku.
session-add-back = Nazad na susret
session-edit = Izmeni
session-edit-title = Izmeni susret
session-edit-save = Sačuvaj izmene
session-remove = Ukloni sa ovog susreta
session-remove-confirm = Ukloniti { $name } sa ovog susreta?
session-remove-detail = Menja se samo spisak ovog susreta. { $name } ostaje na ovom telefonu, sa svim svojim napretkom.
session-remove-yes = Ukloni
session-remove-no = Zadrži
facts-listen = Slušaj
facts-progress = Pitanje { $step } od { $total }
facts-explain-title = { $name }, pre nego što počnemo
facts-explain-what = Pitamo vas nekoliko stvari: žena ili muškarac, koliko imate godina, selo ili grad, državu, i da li vam odgovara neka od nekoliko grupa.
facts-explain-why = To pokazuje donatorima projekta do kojih ljudi projekat stiže.
facts-explain-optional = Svako pitanje može da se preskoči. Samo izaberite „Ne želim da kažem“.
facts-explain-who = Niko ne vidi vaše ime uz odgovore. Oni se samo broje zajedno sa svima ostalima.
facts-gender = Da li ste žena ili muškarac?
facts-gender-woman = Žena
facts-gender-man = Muškarac
facts-gender-other = Drugo
facts-age = Koliko imate godina?
facts-age-16-24 = 16 do 24
facts-age-25-54 = 25 do 54
facts-age-55-74 = 55 do 74
facts-age-75 = 75 ili više
facts-settlement = Gde živite?
facts-settlement-rural = U selu
facts-settlement-urban = U gradu
facts-country = U kojoj državi živite?
facts-country-al = Albanija
facts-country-xk = Kosovo
facts-country-mk = Severna Makedonija
facts-groups = Da li vam nešto od ovoga odgovara?
facts-many = Možete izabrati više od jednog.
facts-group-older-person = Starija osoba (65 ili više)
facts-group-woman-reading-little = Žena koja malo čita
facts-group-young-person = Mlada osoba (16 do 24)
facts-group-disability = Osoba sa invaliditetom
facts-group-first-phone = Prvi put sa pametnim telefonom
facts-group-minority = Iz manjinske zajednice
facts-prefer-not = Ne želim da kažem
facts-consent-title = Da li se slažete?
facts-consent-text = Čuvamo vaše odgovore, bez vašeg imena, da bismo prebrojali ljude do kojih projekat stiže. Možete reći ne: tada se ništa od rečenog ne čuva.
facts-consent-yes = Da, slažem se
facts-consent-no = Ne, nemojte čuvati odgovore
assist-title = Napisano uz pomoćnika
assist-start = Napisano uz pomoćnika
assist-choose = Ko vam je pomogao?
assist-with = Napisano uz pomoć: { $name }
assist-consent-next = Pre slanja pitaćemo vas da li se slažete.
assist-agreed = Složili ste se da se pošalje.
assist-withdraw = Neka { $name } više ne prati ovaj zahtev
assist-withdrawn = { $name } više ne prati ovaj zahtev.
assist-withdraw-confirm = Da { $name } prestane da prati ovaj zahtev?
assist-withdraw-detail = { $name } više neće videti odgovore. Zahtev ostaje poslat.
assist-withdraw-yes = Prestani
assist-withdraw-no = Zadrži
consent-title = Da li se slažete da se pošalje?
consent-text = { $name } vam je pomogao da napišete ovaj zahtev. On ide opštini u vaše ime. Opština će videti da je { $name } pomogao. { $name } može da vidi odgovore dok ne kažete dosta.
consent-yes = Da, pošalji
consent-say = Reci „da“
consent-say-hint = Ako je čitanje teško: pritisnite „Reci da“, recite „da“, pa pritisnite Stop.
consent-listening = Slušamo… recite „da“.
consent-saving = Čuvamo vaše „da“…
consent-back = Nazad na zahtev
helped-open = Zahtevi u kojima sam pomogao
helped-title = Zahtevi u kojima sam pomogao
helped-hint = Vidite ih samo dok se svaka osoba slaže.
helped-empty = Nema zahteva za praćenje.
helped-for = Za: { $name }
helped-read-only = Možete da čitate ovaj zahtev. Samo ta osoba može da ga menja.
helped-resident-said = Osoba
taken-open = Provere veština koje sam vodio
taken-title = Provere veština koje sam vodio
taken-hint = Provere veština koje ste radili sa ljudima, najnovije prve.
taken-empty = Još niste radili proveru veština ni sa kim.
taken-read-only = Možete da vidite ove rezultate. Odgovori se ovde ne mogu menjati.
taken-on = Urađena: { $date }
taken-strengths = Jake strane: { $name }
taken-gone = Ove provere veština više nema.
skills-open = Provera veština
skills-title = Provera veština
skills-start-hint = Nekoliko rečenica o korišćenju telefona. Za svaku izaberite koliko dobro to radite. Nema pogrešnih odgovora.
skills-last = Vaša poslednja provera
skills-who = Ko je sa vama?
skills-alone = Sam ili sama
skills-with = Sa: { $name }
skills-start = Počni proveru veština
skills-how = Kako da odgovorite
skills-progress = Rečenica { $step } od { $total }
skills-progress-label = Koliko ste odmakli
skills-answers = Vaš odgovor
skills-rating-cannot-do = Još ne
skills-rating-with-help = Uz pomoć
skills-rating-on-my-own = Samostalno
skills-rating-can-teach = Mogu da naučim druge
skills-tasks-title = Za pomoćnika: šta je osoba uradila?
skills-tasks-hint = Označite šta je osoba danas uradila svojim rukama.
skills-finish = Završi
skills-result-title = Vaše jake strane
skills-result-hint = Ovo je ono što danas znate da uradite. Raste vežbom.
skills-area-information = Pronalaženje informacija
skills-area-communication = Razgovor i deljenje
skills-area-content-creation = Fotografije i tekstovi
skills-area-safety = Bezbednost
skills-area-problem-solving = Rešavanje problema
skills-level-1 = Tek počinje
skills-level-2 = Napreduje
skills-level-3 = Samostalno
skills-level-4 = Jako
skills-not-asked = Još nije pitano
skills-compare-title = Ranije i sada
skills-before = Ranije: { $level }
skills-now = Sada: { $level }
skills-trend-up = Bolje
skills-trend-same = Isto
skills-trend-down = Malo manje ovaj put
skills-done = Gotovo
