# mCommunity app: English. Short words, for people who read little.

## Shared

common-loading = Loading…
common-error-unexpected = Something went wrong. Please try again.
common-close = Close
common-back = Back
common-home = Home
common-read-aloud = Read aloud
common-stop-reading = Stop reading
common-listen = Listen
common-stop = Stop

## Language (first run, and People). `language-name` is each language's own name in its own script.

language-name = English
language-title = Choose your language

## Who is using the app?

who-title = Who is using the app?
who-new-person = New person
who-with-pin = { $name }, with PIN

## PIN

pin-title = { $name }
pin-label = Your PIN
pin-pad = Number keys
pin-erase = Erase
pin-submit = Open

## New person

person-new-title = New person
person-name = Name
person-avatar = Picture
person-pin = PIN (if you want one)
person-pin-hint = 4 to 6 numbers. Leave empty for no PIN.
person-pin-repeat = PIN again
person-create = Done
person-error-name-required = Write a name.
person-error-name-too-long = This name is too long. Use 60 letters at most.
person-error-pin-format = The PIN must have 4 to 6 numbers.
person-error-pin-mismatch = The two PINs are not the same.

avatar-sun = Sun
avatar-moon = Moon
avatar-tree = Tree
avatar-flower = Flower
avatar-bird = Bird
avatar-fish = Fish
avatar-mountain = Mountain
avatar-house = House

## Home

home-greeting = Hello, { $name }!
home-change-person = Change person
home-tile-learn = Learn
home-tile-practise = Practise
home-tile-requests = My requests
home-tile-news = News
home-tile-people = People

## My requests

requests-title = My requests
requests-new = New request
requests-empty = You have no requests yet.
requests-no-title = (no title)
requests-updated = { $days ->
    [0] Today
    [1] Yesterday
    [one] { $days } day ago
   *[other] { $days } days ago
}
requests-kind-title = What do you want to send?

kind-problem = Problem
kind-request = Request
kind-complaint = Complaint
kind-proposal = Idea
kind-question = Question

## Request editor

draft-kind = Type
draft-category = Topic
draft-category-none = Choose a topic
draft-title = Title
draft-title-hint = A few words.
draft-text = What do you want to say?
draft-text-hint = Say what happened and where.
draft-status-saving = Saving…
draft-status-saved = Saved
draft-status-error = Not saved yet
draft-retry-note = We will try again soon.
draft-delete = Delete
draft-delete-confirm = Delete this request?
draft-delete-yes = Delete
draft-delete-no = Keep
draft-send = Send to the municipality
draft-send-confirm = Send this request to the municipality?
draft-send-confirm-detail = After sending, you cannot change it. The municipality will read it. It leaves by itself with the next connection.
draft-send-yes = Send
draft-send-no = Not yet
draft-sent-done = Sent. The municipality will answer here.
draft-sent-at = Sent on { $date } at { $time }
draft-sent-locked = A sent request cannot be changed.
draft-photos = Photos
draft-photos-hint = Up to { $max } photos.
draft-photo-add = Add photo
draft-photo-alt = Photo { $n } of { $count }
draft-photo-remove = Remove photo { $n }
draft-photos-full = You have { $max } photos. That is the most.
request-status-draft = Draft
request-status-sent = Sent
request-status-received = Received
request-status-in-progress = In progress
request-status-answered = Answered
request-status-fixed = Fixed
request-status-not-ours = Not ours
request-status-closed = Closed
answer-your-request = Your request
answer-title = The municipality’s answer
answer-waiting = No answer yet. The municipality will answer here.
answer-expected = Expected by { $date }
answer-reply-at = On { $date } at { $time }
answer-listen = Listen: the answer from { $by }
answer-arrived = New from the municipality: { $status }

## Voice note: in the request editor, and its player. `voice-time` reads "0:12 of 3:00".

voice-title = Voice note
voice-hint = You can say it instead of writing. Up to { $minutes } minutes.
voice-record = Record
voice-asking = Asking for the microphone…
voice-recording = Recording. Speak now.
voice-time = { $time } of { $max }
voice-time-label = Time recorded
voice-stop = Stop
voice-saving = Keeping the recording…
voice-listen = Listen
voice-pause = Pause
voice-length = Length: { $time }
voice-at-limit = The recording stopped at { $max }. A voice note cannot be longer.
voice-again = Record again
voice-again-confirm = Record a new voice note? It will replace this one.
voice-again-yes = Record again
voice-again-no = Keep this one
voice-remove = Remove
voice-remove-confirm = Remove the voice note?
voice-remove-yes = Remove
voice-remove-no = Keep
voice-denied = The app may not use the microphone. To allow it, open the phone’s Settings, then Apps, mCommunity, Permissions, and turn on Microphone. Then tap Record again.
voice-no-microphone = No microphone was found. You can write instead, or ask a helper.
voice-failed = The recording did not work. Try again.

## Place of a request: optional, chosen on a drawn map or from the villages. Village names are proper nouns.

place-title = Place
place-title-optional = Place (if you want)
place-hint = Show on a map where it is.
place-add = Add place
place-change = Change place
place-remove = Remove place
place-near = Near { $village }
place-screen-title = Where is it?
place-why = A place helps the workers find it. You do not have to add one.
place-map = Map of { $municipality }
place-map-help = Tap the map where it is. With keys: the arrows move the pin, Enter chooses.
place-list = Or choose a village:
place-no-pin = No place chosen yet.
place-use = Use this place

## Conversation on a sent request: the person's messages and the municipality's replies.

talk-title = Conversation
talk-you = You
talk-listen-mine = Listen: your message
talk-message = Add a message
talk-message-hint = The municipality will read it with your request.
talk-send = Send message
talk-kept = Your message is saved. It leaves with the next connection.

## News: the municipality's announcements.

news-title = News
news-empty = No news from the municipality yet.
news-date = Published on { $date }
news-listen = Listen: { $title }

## People

people-title = People
people-name = Name
people-rename = Save name
people-renamed = Name saved
people-avatar = Picture
people-language = Language
people-change-person = Change person
people-new-person = New person
people-delete = Delete this person
people-delete-confirm = { $drafts ->
    [0] Delete { $name }?
    [one] Delete { $name }? { $drafts } unsent request will be lost.
   *[other] Delete { $name }? { $drafts } unsent requests will be lost.
}
people-delete-yes = Delete
people-delete-no = Keep

## Sending (sync). Shown on Home and My requests; short, and calm: work is never lost.

sync-pending = Saved on this phone, { $count } waiting to send
sync-done = All sent
sync-syncing = Sending…
sync-offline = No connection — your work is safe
sync-off = Saved on this phone — sending is not set up
sync-error = Not sent yet — your work is safe
sync-waiting = { $count } waiting to send
sync-sent-now = Sent just now
sync-sent-minutes = { $minutes ->
    [one] Sent { $minutes } minute ago
   *[other] Sent { $minutes } minutes ago
}
sync-sent-hours = { $hours ->
    [one] Sent { $hours } hour ago
   *[other] Sent { $hours } hours ago
}
sync-sent-days = { $days ->
    [1] Sent yesterday
   *[other] Sent { $days } days ago
}
sync-sent-date = Sent on { $date }
sync-send-now = Send now

## Another phone (pairing). `pairing-enter` and `pairing-show` are quoted in the steps of the other screen.

pairing-show = Use this person on another phone
pairing-show-asking = Asking for a code…
pairing-show-steps = On the other phone, open mCommunity, tap “{ pairing-enter }” and type this code:
pairing-code-spoken = The code is { $digits }.
pairing-minutes-left = { $minutes ->
    [one] It works for { $minutes } more minute.
   *[other] It works for { $minutes } more minutes.
}
pairing-expired = This code does not work any more.
pairing-new-code = New code
pairing-try-again = Try again
pairing-done = Done
pairing-enter = I already use mCommunity on another phone
pairing-enter-title = Connect to your other phone
pairing-enter-steps = On your other phone, open “{ home-tile-people }” and tap “{ pairing-show }”. Type the code it shows.
pairing-code-label = Code (8 numbers)
pairing-code-hint = With or without the space.
pairing-submit = Connect
pairing-connecting = Connecting…
pairing-error-empty = Type the code from the other phone.
pairing-error-format = The code has 8 numbers. Look at the other phone and type them all.
pairing-connected = Connected. Your things are arriving.

## Learn (lessons). Lesson texts come from the lessons themselves; these are the words around them.

learn-title = Learn
learn-empty = No lessons yet.
learn-course-beginners = First steps
learn-course-everyday = Every day
learn-course-helpers = For helpers
learn-minutes = { $minutes } min
learn-status-new = New
learn-status-started = { $seen } of { $total }
learn-status-done = Done
lesson-in-language = This lesson is in { $language }.
lesson-step = Step { $step } of { $total }
lesson-question = Question { $number } of { $total }
lesson-next = Next
lesson-finish = Finish
lesson-right = Right!
lesson-wrong = Not this one.
lesson-listen-choice = Listen to answer { $choice }
lesson-done-title = Well done!
lesson-done-learnt = You learnt:
lesson-done-list = Back to lessons
lesson-repeat = Do the lesson again

## Practise (practice forms). Form texts and field problems come from the forms and Rust.

practise-title = Practise
practise-safe = This is only practice. Nothing is sent anywhere.
practise-empty = No practice forms yet.
practise-portal-e-albania = e-Albania
practise-portal-e-kosova = e-Kosova
practise-portal-uslugi = uslugi.gov.mk
practise-portal-municipality = Municipality
practise-practised = Practised
practise-finished = Finished
practice-in-language = This form is in { $language }.
practice-not-saved = What you type here is not saved.
practice-steps-title = How the real service goes
practice-listen-step = Listen to step { $step }
practice-start = Start
practice-page = Page { $page } of { $total }
practice-next-page = Next page
practice-finish = Finish
practice-problems = Some boxes need a fix. Look at the red words.
practice-example = Example: { $example }
practice-listen-help = Listen to help
practice-help-show = Help
practice-help-hide = Hide help
practice-choose = Choose…
practice-file-choose = Choose a file
practice-file-chosen = Chosen: { $name }
practice-file-name = my-document.pdf
practice-sms = Practice SMS: your code is { $code }
practice-end-title = Well done!
practice-end-text = You finished the practice.
practice-next-title = What would happen next
practice-end-list = Back to practice
practice-again = Try again

## Community sessions, requests written with a helper, the skills check (issue 6)
common-next = Next
sessions-open = Sessions
sessions-title = Community sessions
sessions-new = New session
sessions-empty = No sessions yet.
sessions-count = { $present } came of { $registered }
volunteer-why = Sessions are for volunteers. Sign in once with the volunteer account the project gave you.
volunteer-connection = This needs an internet connection once. After that it works without one.
volunteer-username = Volunteer account name
volunteer-password = Password
volunteer-sign-in = Sign in as a volunteer
volunteer-signed-in = Volunteer: { $username }
session-new-title = New session
session-date = Day
session-village = Village
session-village-other = Another place
session-place = Name of the place
session-municipality = Municipality
session-country = Country
session-topic = What it is about
session-topic-hint = A few words, for example “Sending a request to the municipality”.
session-planned = Lessons planned
session-create = Create the session
session-add-person = Add person
session-people = { $count ->
    [one] One person
   *[other] { $count } people
}
session-empty = Nobody is on the list yet.
session-present = Came
session-not-present = Not here
session-someone-elsewhere = Someone from another phone
session-learned = Today: { $lessons } lessons finished, { $forms } forms practised.
session-no-facts = Said nothing about themselves.
session-record-learning = Record what they learned today
session-note = Note
session-note-hint = Saved as you type. Do not write names here.
session-add-title = Add person
session-add-who = Who came?
session-add-new = Someone new
session-add-done = { $name } is on the list.
session-add-back = Back to the session
session-edit = Edit
session-edit-title = Change the session
session-edit-save = Save the changes
session-remove = Remove from this session
session-remove-confirm = Remove { $name } from this session?
session-remove-detail = Only this session’s list changes. { $name } stays on this phone, with all their progress.
session-remove-yes = Remove
session-remove-no = Keep
facts-listen = Listen
facts-progress = Question { $step } of { $total }
facts-explain-title = { $name }, before we start
facts-explain-what = We ask a few things: woman or man, your age, village or town, your country, and if one of some groups fits you.
facts-explain-why = This shows the project’s donors which people the project reaches.
facts-explain-optional = Every question can be skipped. Just choose “Prefer not to say”.
facts-explain-who = Nobody sees your name with your answers. They are only counted together with everyone else’s.
facts-gender = Are you a woman or a man?
facts-gender-woman = Woman
facts-gender-man = Man
facts-gender-other = Other
facts-age = How old are you?
facts-age-16-24 = 16 to 24
facts-age-25-54 = 25 to 54
facts-age-55-74 = 55 to 74
facts-age-75 = 75 or more
facts-settlement = Where do you live?
facts-settlement-rural = In a village
facts-settlement-urban = In a town
facts-country = Which country do you live in?
facts-country-al = Albania
facts-country-xk = Kosovo
facts-country-mk = North Macedonia
facts-groups = Does one of these fit you?
facts-many = You can choose more than one.
facts-group-older-person = Older person (65 or more)
facts-group-woman-reading-little = Woman who reads little
facts-group-young-person = Young person (16 to 24)
facts-group-disability = Person with a disability
facts-group-first-phone = First time with a smartphone
facts-group-minority = From a minority community
facts-prefer-not = Prefer not to say
facts-consent-title = Do you agree?
facts-consent-text = We keep your answers, without your name, to count the people the project reaches. You can say no: then nothing you said is kept.
facts-consent-yes = Yes, I agree
facts-consent-no = No, do not keep my answers
assist-title = Written with a helper
assist-start = Written with a helper
assist-choose = Who helped you?
assist-with = Written with the help of { $name }
assist-consent-next = Before sending, you will be asked if you agree.
assist-agreed = You agreed to send it.
assist-withdraw = Stop { $name } following this request
assist-withdrawn = { $name } no longer follows this request.
assist-withdraw-confirm = Stop { $name } following this request?
assist-withdraw-detail = { $name } will no longer see the answers. The request stays sent.
assist-withdraw-yes = Stop
assist-withdraw-no = Keep
consent-title = Do you agree to send it?
consent-text = { $name } helped you write this request. It goes to the municipality in your name. The municipality will see that { $name } helped. { $name } can see the answers until you say stop.
consent-yes = Yes, send it
consent-say = Say “yes”
consent-say-hint = If reading is hard: press “Say yes”, say “yes”, then press Stop.
consent-listening = Listening… say “yes”.
consent-saving = Keeping your yes…
consent-back = Back to the request
helped-open = Requests I helped with
helped-title = Requests I helped with
helped-hint = You see them only while each person agrees.
helped-empty = No requests to follow.
helped-for = For { $name }
helped-read-only = You can read this request. Only the person can change it.
helped-resident-said = The person
taken-open = Skills checks I took
taken-title = Skills checks I took
taken-hint = The skills checks you did with people, newest first.
taken-empty = You have not done a skills check with anyone yet.
taken-read-only = You can see these results. The answers cannot be changed here.
taken-on = Done on { $date }
taken-strengths = Strengths: { $name }
taken-gone = This skills check is not here any more.
skills-open = Skills check
skills-title = Skills check
skills-start-hint = A few sentences about using a phone. For each one, choose how well you can do it. There are no wrong answers.
skills-last = Your last skills check
skills-who = Who is with you?
skills-alone = On my own
skills-with = With { $name }
skills-start = Start the skills check
skills-how = How to answer
skills-progress = Sentence { $step } of { $total }
skills-progress-label = How far you are
skills-answers = Your answer
skills-rating-cannot-do = Not yet
skills-rating-with-help = With help
skills-rating-on-my-own = On my own
skills-rating-can-teach = I can teach it
skills-tasks-title = For the helper: what did they do?
skills-tasks-hint = Tick what the person did with their own hands today.
skills-finish = Finish
skills-result-title = Your strengths
skills-result-hint = This is what you can do today. It grows with practice.
skills-area-information = Finding information
skills-area-communication = Talking and sharing
skills-area-content-creation = Making photos and texts
skills-area-safety = Staying safe
skills-area-problem-solving = Solving problems
skills-level-1 = Just starting
skills-level-2 = Getting there
skills-level-3 = On your own
skills-level-4 = Strong
skills-not-asked = Not asked yet
skills-compare-title = Before and now
skills-before = Before: { $level }
skills-now = Now: { $level }
skills-trend-up = Better
skills-trend-same = The same
skills-trend-down = A little less this time
skills-done = Done
