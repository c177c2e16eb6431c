//! Which URLs taken from an ARM response we may show as a link or fetch next.
//!
//! Why strict: a URL in a response is data. Incident titles and some fields come from alerts that
//! outsiders can shape, and a `nextLink` is fetched with the user's ARM token, so a link must
//! lead where it claims for *every* URL parser, the browser's included. `url::split` is made for
//! browser-normalised page URLs and is lenient (it reads `https://evil.example\@security.microsoft.com/`
//! as a Defender URL, while a browser goes to `evil.example`). Here we accept only printable
//! ASCII without backslashes, the https scheme, and an authority that is the bare host: no user
//! info, no port, no trailing dot. Then the host must be one the caller allows.

use crate::model::Portal;
use crate::route;
use crate::url;

/// Longest URL we accept from a response; incident and paging links are far shorter.
pub const MAX_LINK_LEN: usize = 4096;

/// The ARM host a `nextLink` may point at (public cloud; see the module doc of `record`).
pub const ARM_HOST: &str = "management.azure.com";

/// `link` when it is an https link to a Defender portal host (`Portal::is_defender`).
pub fn defender_link(link: &str) -> Option<&str> {
    checked(link, |host| {
        route::portal_of_host(host).is_some_and(Portal::is_defender)
    })
}

/// `link` when it is an https link to the Azure portal (`Portal::Azure`, not a blade frame).
pub fn azure_portal_link(link: &str) -> Option<&str> {
    checked(link, |host| {
        route::portal_of_host(host) == Some(Portal::Azure)
    })
}

/// `link` when it is an https URL on [`ARM_HOST`].
pub fn arm_link(link: &str) -> Option<&str> {
    checked(link, |host| host == ARM_HOST)
}

fn checked(link: &str, host_allowed: impl Fn(&str) -> bool) -> Option<&str> {
    let plain = link.bytes().all(|b| b.is_ascii_graphic() && b != b'\\');
    if link.len() > MAX_LINK_LEN || !plain {
        return None;
    }
    let parts = url::split(link)?;
    let (_, after_scheme) = link.split_once("://")?;
    let authority = after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let bare_host = authority.eq_ignore_ascii_case(&parts.host);
    (parts.scheme == "https" && bare_host && host_allowed(&parts.host)).then_some(link)
}

#[cfg(test)]
mod tests;
