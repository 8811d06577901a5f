# The municipality's dashboard and the public transparency page (sync server).

dash-site = mCommunity · Municipality of Fushë-Arrëz
dash-skip = Skip to the content
dash-nav = Dashboard
dash-language = Language
dash-nav-inbox = Inbox
dash-nav-reports = Reports
dash-nav-announcements = Announcements
dash-nav-categories = Categories
dash-nav-audit = Audit log
dash-nav-transparency = Transparency
dash-logout = Log out ({ $name })
dash-back-to-inbox = Back to the inbox

## Errors

dash-error-not-found = Not found
dash-error-forbidden = You are not allowed to see this page
dash-error-csrf = The form has expired. Open the page again and try once more.
dash-error-bad-request = Something in the form is not right. Go back and check it.
dash-error-internal = Something went wrong on the server. Try again later.

## Login

dash-login-title = Staff login
dash-login-username = Username
dash-login-password = Password
dash-login-submit = Log in
dash-login-wrong = Wrong username or password.
dash-login-locked = Too many wrong passwords. The account is locked for 15 minutes.

## Inbox

dash-inbox-title = Inbox
dash-inbox-table = Submissions, newest first
dash-inbox-count = { $count ->
    [one] One submission
   *[other] { $count } submissions
}
dash-filters = Filters
dash-filter-any = Any
dash-filter-search = Search in title and text
dash-filter-status = Status
dash-filter-category = Category
dash-filter-kind = Kind
dash-filter-assigned = Assigned to
dash-filter-from = Sent from
dash-filter-until = Sent until
dash-filter-voice = Only with a voice note
dash-filter-photo = Only with a photo
dash-filter-apply = Show
dash-col-sent = Sent
dash-col-title = Title
dash-col-category = Category
dash-col-kind = Kind
dash-col-status = Status
dash-col-assigned = Assigned to
dash-assigned-nobody = Nobody
dash-has-photo = Photo
dash-has-voice = Voice note
dash-untitled = (no title)
dash-category-none = (no category)
dash-pages = Pages
dash-page-previous = Previous page
dash-page-next = Next page
dash-page-of = Page { $page } of { $pages }

dash-status-received = Received
dash-status-in-progress = In progress
dash-status-answered = Answered
dash-status-fixed = Fixed
dash-status-not-our-responsibility = Not our responsibility
dash-status-closed = Closed

dash-kind-problem = Problem
dash-kind-request = Request
dash-kind-complaint = Complaint
dash-kind-proposal = Proposal
dash-kind-question = Question

## One submission

dash-expected = Expected by
dash-location = Place
dash-location-map = Open on a map
dash-location-none = No place given
dash-text = Text
dash-text-none = No text (see the photos or the voice note).
dash-photos = Photos
dash-photo-alt = Photo { $n } sent by the resident
dash-voice = Voice note
dash-voice-length = { $seconds } seconds
dash-voice-download = Download the voice note
dash-conversation = Conversation
dash-conversation-empty = No messages yet.
dash-resident = Resident
dash-answer = Answer
dash-reply = Reply to the resident (optional)
dash-answer-send = Save and send
dash-reply-by = { $name }, Municipality of Fushë-Arrëz
dash-assign = Assign
dash-assign-to = Assign to
dash-assign-save = Save assignment

## Reports and transparency

dash-reports-title = Reports
dash-totals = In total
dash-received = Received
dash-answered-share = Answered
dash-median = Median time to first reply
dash-p90 = 9 in 10 answered within
dash-hours = { $hours } h
dash-count = Number
dash-month = Month
dash-village = Village
dash-by-status = By status
dash-by-category = By category
dash-by-kind = By kind
dash-by-month = By month
dash-by-village = By village
dash-first-reply = First reply
dash-export = Export
dash-export-full = The file includes texts and resident ids (admin only).
dash-export-anonymous = The file has no texts and no personal data.
dash-export-download = Download CSV
dash-csv-id = Id
dash-csv-author = Resident id
dash-yes = yes
dash-no = no
dash-transparency-title = How the municipality answers
dash-transparency-intro = What residents asked the Municipality of Fushë-Arrëz through mCommunity, and how fast it answered.
dash-transparency-privacy = No names, no texts and no places finer than a village are shown here.

## Announcements

dash-announcements-title = Announcements
dash-announcement-new = New announcement
dash-announcement-help = Write a title and a text in each language you want. Languages left empty are skipped.
dash-announcement-title = Title
dash-announcement-text = Text
dash-announcement-picture = Picture (JPEG or PNG, optional)
dash-announcement-publish = Publish to every device
dash-announcements-list = Published announcements
dash-announcements-none = No announcements yet.
dash-announcement-withdraw = Withdraw “{ $title }”
dash-published = Published
dash-withdrawn = Withdrawn
dash-actions = Actions

## Categories

dash-categories-title = Categories
dash-categories-help = Residents choose from these categories. Changes reach every device at its next sync.
dash-category-name = Name
dash-category-id = Id (a-z, 0-9 and -)
dash-category-add = Add a category
dash-category-rename = Save names
dash-category-retire = Retire
dash-category-restore = Offer again
dash-category-retired = retired

## Audit log

dash-audit-title = Audit log
dash-audit-when = When
dash-audit-who = Who
dash-audit-what = What
dash-audit-target = On what
dash-audit-detail = Detail

## Indicators (the project's page)

dash-nav-indicators = Indicators
dash-ind-title = Project indicators
dash-ind-intro = Community sessions and digital-skills assessments, counted for the project's donors. Names are never stored: people are counted by their profile, once per table, by the facts they last gave with their consent.
dash-ind-country = Country
dash-ind-sessions-held = Sessions held
dash-ind-people-reached = People reached
dash-ind-attendances = Attendances
dash-ind-assessments = Assessments taken
dash-ind-small-cells = So that no one can be recognised, a number that counts fewer than { $min } people is shown as “< { $min }”, and one more small number of the same row is hidden with it, so the total cannot give it away.
dash-ind-sessions-by-country = Sessions held by country
dash-ind-breakdown = Who was reached
dash-ind-by-gender = By gender
dash-ind-by-age = By age band
dash-ind-by-settlement = Rural or urban
dash-ind-by-country = By country
dash-ind-by-group = By target group
dash-ind-col-measure = Indicator
dash-ind-total = Total
dash-ind-not-said = Not said
dash-ind-n = n = { $n }
dash-ind-country-al = Albania
dash-ind-country-xk = Kosovo
dash-ind-country-mk = North Macedonia
dash-ind-gender-woman = Women
dash-ind-gender-man = Men
dash-ind-gender-other = Other
dash-ind-settlement-rural = Rural
dash-ind-settlement-urban = Urban
dash-ind-group-older-person = Older people
dash-ind-group-woman-reading-little = Women who read little
dash-ind-group-young-person = Young people
dash-ind-group-disability = People with a disability
dash-ind-group-first-phone = First smartphone
dash-ind-group-minority = Minority communities
dash-ind-skills = Digital skills before and after
dash-ind-skills-intro = People with two or more assessments: their first against their latest, as a mean score from 0 (“I can't”) to 3 (“I can teach others”), per DigComp area.
dash-ind-area = DigComp area
dash-ind-people = People (n)
dash-ind-before = Before
dash-ind-after = After
dash-ind-change = Change
dash-ind-area-information = Information and data
dash-ind-area-communication = Communication and collaboration
dash-ind-area-content-creation = Digital content creation
dash-ind-area-safety = Safety
dash-ind-area-problem-solving = Problem solving
dash-ind-export-note = The tables as on this page, small numbers hidden, and the assessments one row each for analysis: every person under a new random code in each download, no names, no profile ids, no village, only the month.
dash-ind-export-tables = Download the tables (CSV)
dash-ind-export-assessments = Download anonymised assessments (CSV)
dash-ind-csv-table = Table
dash-ind-csv-category = Group
dash-ind-csv-value = Number
dash-ind-csv-people = People (n)
dash-ind-csv-person = Person (code)
dash-ind-csv-sequence = Assessment no.
dash-ind-csv-with-volunteer = With a volunteer
dash-ind-csv-municipality = Municipality
dash-ind-csv-score = { $area }: score
dash-ind-csv-level = { $area }: level
dash-assisted = Written with help
dash-assisted-by = by the volunteer { $name }
dash-consent-tap = the resident agreed with a tap
dash-consent-voice = the resident said yes aloud (recorded)
dash-consent-withdrawn = the resident has since stopped the volunteer following it
dash-ind-assisted = Requests sent with a volunteer's help
dash-expected-invalid = Give the expected date as a day of the calendar, like 2026-12-31. Your reply is kept below.
