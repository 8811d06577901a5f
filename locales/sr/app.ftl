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
