//! The popup's note that the browser's storage for the extension is full.
//!
//! Why it exists: when local storage is full, the worker's writes fail (a new onboarding
//! reading, what a page showed, the panel's choices). Nothing already stored is lost, but what
//! the user sees may be older than the page: the user should know, and know that nothing else
//! broke. The worker keeps the problem in session storage (`storage:problem`); the popup shell
//! hands it to [`set_storage_problem`](crate::set_storage_problem).

use crate::text::message;
use leptos::prelude::*;

/// Shows the note while `full` is true.
#[component]
pub fn StorageNote(full: RwSignal<bool>) -> impl IntoView {
    move || {
        full.get().then(|| {
            view! { <p class="wf-storage-full" role="alert">{message("storageFull")}</p> }
        })
    }
}
