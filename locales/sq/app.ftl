# Aplikacioni mCommunity: shqip. Fjalë të shkurtra, për njerëz që lexojnë pak.

## Të përbashkëta

common-loading = Po hapet…
common-error-unexpected = Diçka nuk shkoi mirë. Provoni përsëri.
common-close = Mbyll
common-back = Kthehu
common-home = Kreu
common-read-aloud = Lexo me zë
common-stop-reading = Ndalo leximin

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

## Së shpejti

soon-text = Kjo pjesë nuk është gati ende. Ejani përsëri më vonë.

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
