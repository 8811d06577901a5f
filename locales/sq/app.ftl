# Aplikacioni mCommunity: shqip. Fjalë të shkurtra, për njerëz që lexojnë pak.

## Të përbashkëta

common-loading = Po hapet…
common-error-unexpected = Diçka nuk shkoi mirë. Provoni përsëri.
common-close = Mbyll
common-back = Kthehu
common-home = Kreu
common-read-aloud = Lexo me zë
common-stop-reading = Ndalo leximin
common-listen = Dëgjo
common-stop = Ndalo

## Gjuha (në fillim, dhe te Njerëzit). `language-name` është emri i gjuhës në vetë atë gjuhë.

language-name = Shqip
language-title = Zgjidhni gjuhën

## Kush e përdor aplikacionin?

who-title = Kush po e përdor aplikacionin?
who-new-person = Person i ri
who-with-pin = { $name }, me PIN

## PIN-i

pin-title = { $name }
pin-label = PIN-i juaj
pin-pad = Tastet me numra
pin-erase = Fshi
pin-submit = Hap

## Person i ri

person-new-title = Person i ri
person-name = Emri
person-avatar = Figura
person-pin = PIN (nëse doni)
person-pin-hint = 4 deri në 6 numra. Lëreni bosh nëse nuk doni PIN.
person-pin-repeat = PIN-i përsëri
person-create = Gati
person-error-name-required = Shkruani një emër.
person-error-name-too-long = Emri është shumë i gjatë. Përdorni deri në 60 shkronja.
person-error-pin-format = PIN-i duhet të ketë 4 deri në 6 numra.
person-error-pin-mismatch = Të dy PIN-et nuk janë njësoj.

avatar-sun = Dielli
avatar-moon = Hëna
avatar-tree = Pema
avatar-flower = Lulja
avatar-bird = Zogu
avatar-fish = Peshku
avatar-mountain = Mali
avatar-house = Shtëpia

## Kreu

home-greeting = Përshëndetje, { $name }!
home-change-person = Ndrysho personin
home-tile-learn = Mëso
home-tile-practise = Ushtro
home-tile-requests = Kërkesat e mia
home-tile-news = Lajme
home-tile-people = Njerëzit

## Kërkesat e mia

requests-title = Kërkesat e mia
requests-new = Kërkesë e re
requests-empty = Nuk keni ende kërkesa.
requests-no-title = (pa titull)
requests-updated = { $days ->
    [0] Sot
    [1] Dje
   *[other] { $days } ditë më parë
}
requests-kind-title = Çfarë doni të dërgoni?

kind-problem = Problem
kind-request = Kërkesë
kind-complaint = Ankesë
kind-proposal = Ide
kind-question = Pyetje

## Shkrimi i kërkesës

draft-kind = Lloji
draft-category = Tema
draft-category-none = Zgjidhni temën
draft-title = Titulli
draft-title-hint = Disa fjalë.
draft-text = Çfarë doni të thoni?
draft-text-hint = Tregoni çfarë ndodhi dhe ku.
draft-status-saving = Po ruhet…
draft-status-saved = U ruajt
draft-status-error = Nuk u ruajt ende
draft-retry-note = Do të provojmë përsëri së shpejti.
draft-delete = Fshi
draft-delete-confirm = Të fshihet kjo kërkesë?
draft-delete-yes = Fshi
draft-delete-no = Mbaje
draft-send = Dërgoje te bashkia
draft-send-confirm = Të dërgohet kjo kërkesë te bashkia?
draft-send-confirm-detail = Pasi ta dërgoni, nuk mund ta ndryshoni më. Bashkia do ta lexojë. Niset vetë sapo të ketë lidhje.
draft-send-yes = Dërgoje
draft-send-no = Jo ende
draft-sent-done = U dërgua. Bashkia do t'ju përgjigjet këtu.
draft-sent-at = U dërgua më { $date }, në orën { $time }
draft-sent-locked = Një kërkesë e dërguar nuk mund të ndryshohet.
draft-photos = Foto
draft-photos-hint = Deri në { $max } foto.
draft-photo-add = Shto foto
draft-photo-alt = Foto { $n } nga { $count }
draft-photo-remove = Hiq foton { $n }
draft-photos-full = Keni { $max } foto. Më shumë nuk mund të shtoni.
request-status-draft = Skicë
request-status-sent = E dërguar
request-status-received = E pranuar
request-status-in-progress = Në proces
request-status-answered = U përgjigj
request-status-fixed = U rregullua
request-status-not-ours = Jo e bashkisë
request-status-closed = E mbyllur
answer-your-request = Kërkesa juaj
answer-title = Përgjigjja e bashkisë
answer-waiting = Ende pa përgjigje. Bashkia do t'ju përgjigjet këtu.
answer-expected = Pritet deri më { $date }
answer-reply-at = Më { $date }, në orën { $time }
answer-listen = Dëgjo: përgjigjja nga { $by }
answer-arrived = E re nga bashkia: { $status }

## Voice note: in the request editor, and its player. `voice-time` reads "0:12 of 3:00".

voice-title = Mesazh me zë
voice-hint = Mund ta thoni me zë në vend që ta shkruani. Deri në { $minutes } minuta.
voice-record = Regjistro
voice-asking = Po kërkohet mikrofoni…
voice-recording = Po regjistrohet. Flisni tani.
voice-time = { $time } nga { $max }
voice-time-label = Koha e regjistruar
voice-stop = Ndalo
voice-saving = Po ruhet regjistrimi…
voice-listen = Dëgjo
voice-pause = Pauzë
voice-length = Kohëzgjatja: { $time }
voice-at-limit = Regjistrimi u ndal në { $max }. Një mesazh me zë nuk mund të jetë më i gjatë.
voice-again = Regjistro përsëri
voice-again-confirm = Të regjistroni një mesazh të ri me zë? Ai do të zërë vendin e këtij.
voice-again-yes = Regjistro përsëri
voice-again-no = Mbaje këtë
voice-remove = Hiq
voice-remove-confirm = Ta hiqni mesazhin me zë?
voice-remove-yes = Hiqe
voice-remove-no = Mbaje
voice-denied = Aplikacioni nuk ka leje të përdorë mikrofonin. Për ta lejuar, hapni Cilësimet e telefonit, pastaj Aplikacionet, mCommunity, Lejet, dhe aktivizoni Mikrofonin. Pastaj shtypni përsëri Regjistro.
voice-no-microphone = Nuk u gjet asnjë mikrofon. Mund të shkruani, ose kërkoni ndihmë nga një ndihmës.
voice-failed = Regjistrimi nuk funksionoi. Provoni përsëri.

## Place of a request: optional, chosen on a drawn map or from the villages. Village names are proper nouns.

place-title = Vendi
place-title-optional = Vendi (nëse doni)
place-hint = Tregoni në hartë ku ndodhet.
place-add = Shto vendin
place-change = Ndrysho vendin
place-remove = Hiq vendin
place-near = Pranë: { $village }
place-screen-title = Ku ndodhet?
place-why = Vendi i ndihmon punëtorët ta gjejnë. Nuk është e detyrueshme ta shtoni.
place-map = Harta: { $municipality }
place-map-help = Prekni hartën aty ku ndodhet. Me tastierë: shigjetat lëvizin shenjën, Enter e zgjedh.
place-list = Ose zgjidhni një fshat:
place-no-pin = Ende nuk keni zgjedhur vend.
place-use = Përdor këtë vend

## Conversation on a sent request: the person's messages and the municipality's replies.

talk-title = Biseda
talk-you = Ju
talk-listen-mine = Dëgjo: mesazhi juaj
talk-message = Shtoni një mesazh
talk-message-hint = Bashkia do ta lexojë bashkë me kërkesën tuaj.
talk-send = Dërgo mesazhin
talk-kept = Mesazhi u ruajt. Do të niset me lidhjen e radhës.

## News: the municipality's announcements.

news-title = Lajme
news-empty = Ende nuk ka lajme nga bashkia.
news-date = Publikuar më { $date }
news-listen = Dëgjo: { $title }

## Njerëzit

people-title = Njerëzit
people-name = Emri
people-rename = Ruaj emrin
people-renamed = Emri u ruajt
people-avatar = Figura
people-language = Gjuha
people-change-person = Ndrysho personin
people-new-person = Person i ri
people-delete = Fshi këtë person
people-delete-confirm = { $drafts ->
    [0] Të fshihet { $name }?
    [one] Të fshihet { $name }? Do të humbasë { $drafts } kërkesë e padërguar.
   *[other] Të fshihet { $name }? Do të humbasin { $drafts } kërkesa të padërguara.
}
people-delete-yes = Fshi
people-delete-no = Mbaje

## Dërgimi (sinkronizimi). Në Kreu dhe te Kërkesat e mia; shkurt dhe qetë: puna nuk humbet kurrë.

sync-pending = { $count ->
    [one] Ruajtur në këtë telefon, { $count } pret të dërgohet
   *[other] Ruajtur në këtë telefon, { $count } presin të dërgohen
}
sync-done = Të gjitha u dërguan
sync-syncing = Po dërgohet…
sync-offline = Pa lidhje — puna juaj është e sigurt
sync-off = Ruajtur në këtë telefon — dërgimi nuk është rregulluar
sync-error = Ende pa u dërguar — puna juaj është e sigurt
sync-waiting = { $count ->
    [one] { $count } pret të dërgohet
   *[other] { $count } presin të dërgohen
}
sync-sent-now = U dërgua tani
sync-sent-minutes = { $minutes ->
    [one] U dërgua { $minutes } minutë më parë
   *[other] U dërgua { $minutes } minuta më parë
}
sync-sent-hours = U dërgua { $hours } orë më parë
sync-sent-days = { $days ->
    [1] U dërgua dje
   *[other] U dërgua { $days } ditë më parë
}
sync-sent-date = U dërgua më { $date }
sync-send-now = Dërgo tani

## Një telefon tjetër (lidhja). `pairing-enter` dhe `pairing-show` citohen te hapat e ekranit tjetër.

pairing-show = Përdor këtë person në një telefon tjetër
pairing-show-asking = Po kërkohet një kod…
pairing-show-steps = Në telefonin tjetër, hapni mCommunity, prekni “{ pairing-enter }” dhe shkruani këtë kod:
pairing-code-spoken = Kodi është { $digits }.
pairing-minutes-left = { $minutes ->
    [one] Vlen edhe { $minutes } minutë.
   *[other] Vlen edhe { $minutes } minuta.
}
pairing-expired = Ky kod nuk vlen më.
pairing-new-code = Kod i ri
pairing-try-again = Provo përsëri
pairing-done = Gati
pairing-enter = E përdor tashmë mCommunity në një telefon tjetër
pairing-enter-title = Lidhu me telefonin tjetër
pairing-enter-steps = Në telefonin tjetër, hapni “{ home-tile-people }” dhe prekni “{ pairing-show }”. Shkruani kodin që del aty.
pairing-code-label = Kodi (8 numra)
pairing-code-hint = Me ose pa hapësirë.
pairing-submit = Lidhu
pairing-connecting = Po lidhet…
pairing-error-empty = Shkruani kodin nga telefoni tjetër.
pairing-error-format = Kodi ka 8 numra. Shikoni telefonin tjetër dhe shkruajini të gjithë.
pairing-connected = U lidh. Gjërat tuaja po vijnë.

## Mëso (mësimet). Tekstet e mësimeve vijnë nga vetë mësimet; këto janë fjalët rreth tyre.

learn-title = Mëso
learn-empty = Nuk ka ende mësime.
learn-course-beginners = Hapat e parë
learn-course-everyday = Çdo ditë
learn-course-helpers = Për ndihmësit
learn-minutes = { $minutes } min
learn-status-new = I ri
learn-status-started = { $seen } nga { $total }
learn-status-done = Mbaroi
lesson-in-language = Ky mësim është në { $language }.
lesson-step = Hapi { $step } nga { $total }
lesson-question = Pyetja { $number } nga { $total }
lesson-next = Tjetri
lesson-finish = Mbaro
lesson-right = Saktë!
lesson-wrong = Jo kjo.
lesson-listen-choice = Dëgjo përgjigjen { $choice }
lesson-done-title = Të lumtë!
lesson-done-learnt = Mësuat:
lesson-done-list = Te mësimet
lesson-repeat = Bëje mësimin përsëri

## Ushtro (formularë për ushtrim). Tekstet e formularëve dhe gabimet vijnë nga formularët dhe Rust.

practise-title = Ushtro
practise-safe = Ky është vetëm ushtrim. Asgjë nuk dërgohet askund.
practise-empty = Nuk ka ende formularë për ushtrim.
practise-portal-e-albania = e-Albania
practise-portal-e-kosova = e-Kosova
practise-portal-uslugi = uslugi.gov.mk
practise-portal-municipality = Bashkia
practise-practised = E ushtruar
practise-finished = E mbaruar
practice-in-language = Ky formular është në { $language }.
practice-not-saved = Çfarë shkruani këtu nuk ruhet.
practice-steps-title = Si shkon shërbimi i vërtetë
practice-listen-step = Dëgjo hapin { $step }
practice-start = Fillo
practice-page = Faqja { $page } nga { $total }
practice-next-page = Faqja tjetër
practice-finish = Mbaro
practice-problems = Disa kuti duhen rregulluar. Shikoni fjalët me të kuqe.
practice-example = Shembull: { $example }
practice-listen-help = Dëgjo ndihmën
practice-help-show = Ndihmë
practice-help-hide = Fshih ndihmën
practice-choose = Zgjidhni…
practice-file-choose = Zgjidhni një skedar
practice-file-chosen = U zgjodh: { $name }
practice-file-name = dokumenti-im.pdf
practice-sms = SMS ushtrimi: kodi juaj është { $code }
practice-end-title = Të lumtë!
practice-end-text = E mbaruat ushtrimin.
practice-next-title = Çfarë do të ndodhte më pas
practice-end-list = Te ushtrimet
practice-again = Provo përsëri

## Takimet në komunitet, kërkesat e shkruara me ndihmës, kontrolli i aftësive (çështja 6)
common-next = Vazhdo
sessions-open = Takimet
sessions-title = Takimet në komunitet
sessions-new = Takim i ri
sessions-empty = Ende nuk ka takime.
sessions-count = Erdhën { $present } nga { $registered }
volunteer-why = Takimet janë për vullnetarët. Hyni një herë me llogarinë e vullnetarit që ju dha projekti.
volunteer-connection = Kjo kërkon internet vetëm një herë. Pastaj punon edhe pa internet.
volunteer-username = Emri i llogarisë së vullnetarit
volunteer-password = Fjalëkalimi
volunteer-sign-in = Hyr si vullnetar
volunteer-signed-in = Vullnetar: { $username }
session-new-title = Takim i ri
session-date = Dita
session-village = Fshati
session-village-other = Një vend tjetër
session-place = Emri i vendit
session-municipality = Bashkia
session-country = Shteti
session-topic = Për çfarë është
session-topic-hint = Pak fjalë, për shembull “Si t’i dërgojmë një kërkesë bashkisë”.
session-planned = Mësimet e planifikuara
session-create = Krijo takimin
session-add-person = Shto një person
session-people = { $count ->
    [one] Një person
   *[other] { $count } persona
}
session-empty = Ende nuk ka njeri në listë.
session-present = Erdhi
session-not-present = Nuk është këtu
session-someone-elsewhere = Dikush nga një telefon tjetër
session-learned = Sot: { $lessons } mësime të mbaruara, { $forms } formularë të ushtruar.
session-no-facts = Nuk tha asgjë për veten.
session-record-learning = Shëno çfarë mësoi sot
session-note = Shënim
session-note-hint = Ruhet ndërsa shkruani. Mos shkruani emra këtu.
session-add-title = Shto një person
session-add-who = Kush erdhi?
session-add-new = Dikush i ri
session-add-done = { $name } është në listë.
session-add-back = Kthehu te takimi
session-edit = Ndrysho
session-edit-title = Ndrysho takimin
session-edit-save = Ruaj ndryshimet
session-remove = Hiqe nga ky takim
session-remove-confirm = Të hiqet { $name } nga ky takim?
session-remove-detail = Ndryshon vetëm lista e këtij takimi. { $name } mbetet në këtë telefon, me gjithë përparimin e vet.
session-remove-yes = Hiqe
session-remove-no = Mbaje
facts-listen = Dëgjo
facts-progress = Pyetja { $step } nga { $total }
facts-explain-title = { $name }, para se të fillojmë
facts-explain-what = Ju pyesim për pak gjëra: grua apo burrë, moshën, fshat apo qytet, shtetin, dhe nëse ju përshtatet ndonjë nga disa grupe.
facts-explain-why = Kjo u tregon dhuruesve të projektit se cilët njerëz arrin projekti.
facts-explain-optional = Çdo pyetje mund të kapërcehet. Thjesht zgjidhni “Nuk dua ta them”.
facts-explain-who = Askush nuk e sheh emrin tuaj me përgjigjet. Ato vetëm numërohen bashkë me të gjithë të tjerët.
facts-gender = Jeni grua apo burrë?
facts-gender-woman = Grua
facts-gender-man = Burrë
facts-gender-other = Tjetër
facts-age = Sa vjeç jeni?
facts-age-16-24 = 16 deri 24
facts-age-25-54 = 25 deri 54
facts-age-55-74 = 55 deri 74
facts-age-75 = 75 e më shumë
facts-settlement = Ku jetoni?
facts-settlement-rural = Në fshat
facts-settlement-urban = Në qytet
facts-country = Në cilin shtet jetoni?
facts-country-al = Shqipëri
facts-country-xk = Kosovë
facts-country-mk = Maqedoni e Veriut
facts-groups = A ju përshtatet ndonjë nga këto?
facts-many = Mund të zgjidhni më shumë se një.
facts-group-older-person = Person i moshuar (65 e më shumë)
facts-group-woman-reading-little = Grua që lexon pak
facts-group-young-person = I ri ose e re (16 deri 24)
facts-group-disability = Person me aftësi të kufizuara
facts-group-first-phone = Hera e parë me telefon të mençur
facts-group-minority = Nga një komunitet pakicë
facts-prefer-not = Nuk dua ta them
facts-consent-title = A jeni dakord?
facts-consent-text = Ne i ruajmë përgjigjet tuaja, pa emrin tuaj, për të numëruar njerëzit që arrin projekti. Mund të thoni jo: atëherë nuk ruhet asgjë nga ato që thatë.
facts-consent-yes = Po, jam dakord
facts-consent-no = Jo, mos i ruani përgjigjet
assist-title = Shkruar me një ndihmës
assist-start = Shkruar me një ndihmës
assist-choose = Kush ju ndihmoi?
assist-with = Shkruar me ndihmën e { $name }
assist-consent-next = Para dërgimit do t’ju pyesim nëse jeni dakord.
assist-agreed = Ju pranuat ta dërgoni.
assist-withdraw = Ndalo { $name } të ndjekë këtë kërkesë
assist-withdrawn = { $name } nuk e ndjek më këtë kërkesë.
assist-withdraw-confirm = Ta ndalojmë { $name } të ndjekë këtë kërkesë?
assist-withdraw-detail = { $name } nuk do t’i shohë më përgjigjet. Kërkesa mbetet e dërguar.
assist-withdraw-yes = Ndalo
assist-withdraw-no = Mbaje
consent-title = A jeni dakord ta dërgoni?
consent-text = { $name } ju ndihmoi ta shkruani këtë kërkesë. Ajo shkon te bashkia në emrin tuaj. Bashkia do të shohë që { $name } ndihmoi. { $name } mund t’i shohë përgjigjet derisa ju të thoni ndal.
consent-yes = Po, dërgoje
consent-say = Thuaj “po”
consent-say-hint = Nëse leximi është i vështirë: shtypni “Thuaj po”, thoni “po”, pastaj shtypni Ndal.
consent-listening = Po dëgjojmë… thoni “po”.
consent-saving = Po ruajmë përgjigjen tuaj…
consent-back = Kthehu te kërkesa
helped-open = Kërkesat ku ndihmova
helped-title = Kërkesat ku ndihmova
helped-hint = I shihni vetëm për sa kohë që çdo person është dakord.
helped-empty = Nuk ka kërkesa për të ndjekur.
helped-for = Për { $name }
helped-read-only = Mund ta lexoni këtë kërkesë. Vetëm personi mund ta ndryshojë.
helped-resident-said = Personi
taken-open = Kontrollet e aftësive që bëra
taken-title = Kontrollet e aftësive që bëra
taken-hint = Kontrollet e aftësive që bëtë me njerëzit, më të rejat në fillim.
taken-empty = Ende nuk keni bërë kontroll aftësish me askënd.
taken-read-only = Mund t'i shihni këto rezultate. Përgjigjet nuk mund të ndryshohen këtu.
taken-on = Bërë më { $date }
taken-strengths = Pikat e forta: { $name }
taken-gone = Ky kontroll i aftësive nuk është më këtu.
skills-open = Kontrolli i aftësive
skills-title = Kontrolli i aftësive
skills-start-hint = Disa fjali për përdorimin e telefonit. Për secilën, zgjidhni sa mirë e bëni. Nuk ka përgjigje të gabuara.
skills-last = Kontrolli juaj i fundit
skills-who = Kush është me ju?
skills-alone = Vetëm
skills-with = Me { $name }
skills-start = Fillo kontrollin e aftësive
skills-how = Si të përgjigjeni
skills-progress = Fjalia { $step } nga { $total }
skills-progress-label = Sa keni ecur
skills-answers = Përgjigjja juaj
skills-rating-cannot-do = Ende jo
skills-rating-with-help = Me ndihmë
skills-rating-on-my-own = Vetë
skills-rating-can-teach = Mund ta mësoj
skills-tasks-title = Për ndihmësin: çfarë bëri?
skills-tasks-hint = Shënoni atë që personi bëri sot me duart e veta.
skills-finish = Mbaro
skills-result-title = Pikat tuaja të forta
skills-result-hint = Kjo është ajo që dini të bëni sot. Rritet me ushtrim.
skills-area-information = Gjetja e informacionit
skills-area-communication = Biseda dhe ndarja
skills-area-content-creation = Fotot dhe tekstet
skills-area-safety = Siguria
skills-area-problem-solving = Zgjidhja e problemeve
skills-level-1 = Sapo filloi
skills-level-2 = Po ecën
skills-level-3 = Vetë
skills-level-4 = I fortë
skills-not-asked = Ende pa pyetur
skills-compare-title = Më parë dhe tani
skills-before = Më parë: { $level }
skills-now = Tani: { $level }
skills-trend-up = Më mirë
skills-trend-same = Njësoj
skills-trend-down = Pak më pak këtë herë
skills-done = Gati
