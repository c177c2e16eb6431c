//! The cloud a portal page belongs to, and where its links to either portal go.
//!
//! Why: the catalog, the hints and the retirement reminder speak the commercial cloud's
//! addresses, because Microsoft documents those. US Government customers work in the same
//! portals under other hosts (GCC High `security.microsoft.us`, DoD `security.apps.mil`, and the
//! Azure Government portal `portal.azure.us`; GCC uses the commercial hosts), so a link shown on
//! one of their pages must point into their own cloud: the commercial host would sign them into
//! a tenant that does not exist there. Public sources: the Defender portal URLs in
//! <https://learn.microsoft.com/en-us/unified-secops-platform/gov-support> (2025-03-11), and the
//! Azure Government portal in
//! <https://learn.microsoft.com/en-us/azure/azure-government/documentation-government-get-started-connect-with-portal>.
//!
//! A page of the Azure Government portal cannot tell which of the two Defender hosts its tenant
//! uses, so a Defender link shown there becomes one link to each, named by its cloud.

use super::PortalLink;
use serde::{Deserialize, Serialize};

/// The commercial Defender portal's origin, as the catalog writes it (and the hints build on).
pub const COMMERCIAL_DEFENDER: &str = "https://security.microsoft.com";
/// The commercial Azure portal's origin, as the catalog writes it.
const COMMERCIAL_AZURE: &str = "https://portal.azure.com";
/// The Azure Government portal, shared by GCC High and DoD.
const GOVERNMENT_AZURE: &str = "https://portal.azure.us";
/// The commercial multitenant management portal; no government counterpart is documented.
const COMMERCIAL_MULTITENANT: &str = "https://mto.security.microsoft.com";
/// GCC High's Defender portal.
const GCC_HIGH_DEFENDER: &str = "https://security.microsoft.us";
/// DoD's Defender portal.
const DOD_DEFENDER: &str = "https://security.apps.mil";

/// Which cloud's portals a page is on.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cloud {
    /// The commercial cloud, and GCC (which uses its hosts).
    #[default]
    Commercial,
    /// GCC High's Defender portal.
    GccHigh,
    /// DoD's Defender portal.
    Dod,
    /// The Azure Government portal, shared by GCC High and DoD.
    AzureGovernment,
}

impl Cloud {
    /// The tenant key of a page that names no tenant: the user's own tenant in this cloud.
    /// `home` in the commercial cloud; on a US Government cloud a key of its own, so that one
    /// cloud's readings never stand for another's tenant.
    pub fn home_key(self) -> &'static str {
        match self {
            Cloud::Commercial => "home",
            Cloud::GccHigh => "home-gcc-high",
            Cloud::Dod => "home-dod",
            Cloud::AzureGovernment => "home-azure-government",
        }
    }

    /// The Defender origins a commercial Defender link becomes in this cloud, each with the
    /// words that tell them apart (none when there is one).
    fn defender_origins(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Cloud::Commercial => &[(COMMERCIAL_DEFENDER, "")],
            Cloud::GccHigh => &[(GCC_HIGH_DEFENDER, "")],
            Cloud::Dod => &[(DOD_DEFENDER, "")],
            Cloud::AzureGovernment => {
                &[(GCC_HIGH_DEFENDER, " (GCC High)"), (DOD_DEFENDER, " (DoD)")]
            }
        }
    }

    /// Moves `links` to this cloud, as they must read on one of its pages: each commercial
    /// portal link goes to this cloud's host (a Defender link on the Azure Government portal
    /// becomes one for each Defender host), and a link to the commercial multitenant portal,
    /// which has no known government host, is left out. Links to anything else (the
    /// documentation, a host already in this cloud) stay as they are.
    pub fn localize(self, links: &mut Vec<PortalLink>) {
        if self == Cloud::Commercial {
            return;
        }
        let mut moved = Vec::new();
        for link in std::mem::take(links) {
            if after_origin(&link.href, COMMERCIAL_MULTITENANT).is_some() {
                continue;
            }
            if let Some(rest) = after_origin(&link.href, COMMERCIAL_AZURE) {
                let href = [GOVERNMENT_AZURE, rest].concat();
                moved.push(PortalLink { href, ..link });
            } else if let Some(rest) = after_origin(&link.href, COMMERCIAL_DEFENDER) {
                for (origin, cloud) in self.defender_origins() {
                    moved.push(PortalLink {
                        portal: link.portal,
                        href: [origin, rest].concat(),
                        label: [&link.label, *cloud].concat(),
                    });
                }
            } else {
                moved.push(link);
            }
        }
        *links = moved;
    }
}

/// What follows `origin` in `href`, when `href` is on exactly that origin.
fn after_origin<'a>(href: &'a str, origin: &str) -> Option<&'a str> {
    href.strip_prefix(origin)
        .filter(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LinkPortal;

    fn link(portal: LinkPortal, href: &str, label: &str) -> PortalLink {
        PortalLink {
            portal,
            href: href.into(),
            label: label.into(),
        }
    }

    fn localized(cloud: Cloud, mut links: Vec<PortalLink>) -> Vec<PortalLink> {
        cloud.localize(&mut links);
        links
    }

    fn hrefs(links: &[PortalLink]) -> Vec<(&str, &str)> {
        links
            .iter()
            .map(|l| (l.href.as_str(), l.label.as_str()))
            .collect()
    }

    fn sample() -> Vec<PortalLink> {
        vec![
            link(
                LinkPortal::Defender,
                "https://security.microsoft.com/v2/advanced-hunting?tid=x",
                "Open in the Defender portal",
            ),
            link(
                LinkPortal::Azure,
                "https://portal.azure.com/#view/HubsExtension/BrowseResource",
                "Open in the Azure portal",
            ),
            link(
                LinkPortal::Docs,
                "https://learn.microsoft.com/en-us/azure/sentinel/",
                "Read more",
            ),
        ]
    }

    #[test]
    fn commercial_links_stay_as_they_are() {
        assert_eq!(localized(Cloud::Commercial, sample()), sample());
    }

    #[test]
    fn a_defender_government_page_links_into_its_own_cloud() {
        assert_eq!(
            hrefs(&localized(Cloud::GccHigh, sample())),
            [
                (
                    "https://security.microsoft.us/v2/advanced-hunting?tid=x",
                    "Open in the Defender portal"
                ),
                (
                    "https://portal.azure.us/#view/HubsExtension/BrowseResource",
                    "Open in the Azure portal"
                ),
                (
                    "https://learn.microsoft.com/en-us/azure/sentinel/",
                    "Read more"
                ),
            ]
        );
        assert_eq!(
            localized(Cloud::Dod, sample())[0].href,
            "https://security.apps.mil/v2/advanced-hunting?tid=x"
        );
    }

    #[test]
    fn the_azure_government_portal_offers_both_defender_hosts() {
        let links = localized(Cloud::AzureGovernment, sample());
        assert_eq!(
            hrefs(&links[..2]),
            [
                (
                    "https://security.microsoft.us/v2/advanced-hunting?tid=x",
                    "Open in the Defender portal (GCC High)"
                ),
                (
                    "https://security.apps.mil/v2/advanced-hunting?tid=x",
                    "Open in the Defender portal (DoD)"
                ),
            ]
        );
        assert_eq!(
            links[2].href,
            "https://portal.azure.us/#view/HubsExtension/BrowseResource"
        );
        assert_eq!(links.len(), 4);
    }

    #[test]
    fn only_the_exact_commercial_origins_move() {
        let kept = vec![
            link(
                LinkPortal::Defender,
                "https://security.microsoft.com.example/x",
                "a",
            ),
            link(
                LinkPortal::Defender,
                "https://security.apps.mil/incidents/4",
                "c",
            ),
        ];
        assert_eq!(localized(Cloud::AzureGovernment, kept.clone()), kept);
        assert_eq!(
            localized(
                Cloud::GccHigh,
                vec![link(
                    LinkPortal::Defender,
                    "https://security.microsoft.com",
                    "d"
                )]
            )[0]
            .href,
            "https://security.microsoft.us"
        );
    }

    #[test]
    fn the_multitenant_portal_is_left_out_of_a_government_page() {
        let mto = link(
            LinkPortal::Defender,
            "https://mto.security.microsoft.com/contentdistribution",
            "Open multitenant management",
        );
        assert_eq!(localized(Cloud::Commercial, vec![mto.clone()]).len(), 1);
        for cloud in [Cloud::GccHigh, Cloud::Dod, Cloud::AzureGovernment] {
            assert_eq!(localized(cloud, vec![mto.clone()]), []);
        }
    }

    #[test]
    fn each_cloud_has_its_own_home_tenant_key() {
        let keys = [
            Cloud::Commercial,
            Cloud::GccHigh,
            Cloud::Dod,
            Cloud::AzureGovernment,
        ]
        .map(Cloud::home_key);
        assert_eq!(keys[0], "home");
        assert!(keys.iter().all(|k| crate::ids::is_plain_id(k)), "{keys:?}");
        assert_eq!(
            keys.iter().collect::<std::collections::BTreeSet<_>>().len(),
            4
        );
    }
}
