## Errors the app's Rust side reports. Each says what to do, in few words.

error-not-found = We could not find that. It may have been deleted.
error-no-active-profile = First choose who is using the app.
error-wrong-pin = That PIN is not right. Try again.
error-pin-locked = Too many wrong tries. Wait one minute, then try again.
error-invalid-input = Something here is not right. Look at the marked field.
error-disk-full = The phone's memory is full, so this was not saved. Free some space (delete old photos or videos), then try again. What you typed is still here.
error-storage-corrupt = The app's data file was damaged. It was kept aside so nothing more is lost, and the app started fresh. Ask a helper for support.
error-storage = The app could not save. Try again. What you typed is still here.
error-internal = Something went wrong in the app. Try again. If it happens again, ask a helper.
error-name-empty = Write a name.
error-name-too-long = The name is too long. Use at most { $max } letters.
error-pin-format = The PIN must be { $min } to { $max } numbers.
error-title-too-long = The title is too long. Use at most { $max } letters.
error-text-too-long = The text is too long. Use at most { $max } letters, or record a voice note.
error-unknown-category = Choose a topic from the list.
notice-storage-recovered = The app's data file was damaged. It was kept aside as { $file } and the app started fresh.
