//! The order of the ARM calls and what each answer adds to [`ArmFacts`].
//!
//! Why a state machine in the core: the service worker's shell only fetches. Which call comes
//! next, how a page is read, when to follow `nextLink`, how long to wait after a 429 and when to
//! give up are decisions, so they are made here and tested natively with the spec examples. The
//! shell loop is: take [`Collection::next_request`], wait its `delay_secs`, fetch its `url` with a
//! deadline, hand the outcome to [`Collection::absorb`]; stop when `next_request` gives nothing and
//! [`Collection::in_flight`] is zero. Several requests may be in flight at once: answers are
//! absorbed in any order.
//!
//! Bounds (a tenant is outside input too): at most [`MAX_SUBSCRIPTIONS`] subscriptions and
//! [`MAX_WORKSPACES`] workspaces are read, each list at most [`MAX_PAGES`] pages, a `nextLink`
//! must be on management.azure.com (`arm::link::arm_link`) and is never fetched twice.

use super::arm_facts::{
    ArmFacts, ArmSubscription, ArmWorkspace, AutomationFinding, Known, PermissionFacts, RuleFacts,
    XdrConnector, XdrTable,
};
use super::calls::{Call, WorkspaceRef};
use super::spec;
use super::wire::{
    WireAlertRule, WireAutomationRule, WireDataConnector, WireList, WirePermission,
    WireRoleAssignment, WireSubscription, WireTable, WireWorkspace,
};
use crate::arm::{http, link, ArmError};
use crate::ids::is_tenant_guid;
use crate::json_read::{FromJson, JsonValue, Read};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap, VecDeque};

/// Most subscriptions read.
pub const MAX_SUBSCRIPTIONS: usize = 50;
/// Most workspaces read.
pub const MAX_WORKSPACES: usize = 50;
/// Most pages of one list.
pub const MAX_PAGES: u32 = 20;
/// Most names kept per finding list (rules, automation rules, tables).
pub const MAX_NAMES: usize = 50;
/// Attempts of one request when ARM throttles.
const MAX_THROTTLED_ATTEMPTS: u8 = 3;
/// Attempts of one request on a transient server error.
const MAX_SERVER_ATTEMPTS: u8 = 2;
/// Wait before repeating a request after a transient server error.
const SERVER_RETRY_SECS: u64 = 2;
/// Role definition id of Microsoft Sentinel Contributor (a built-in role; its GUID is the same
/// in every tenant).
pub const SENTINEL_CONTRIBUTOR_ROLE: &str = "ab8e14d6-4a74-4a29-9ba8-549422addade";

/// One fetch the shell should make.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Request {
    /// Handed back with the answer.
    pub id: u32,
    /// What is asked.
    pub call: Call,
    /// The URL (the call's first page or a checked `nextLink`).
    pub url: String,
    /// Wait this long before fetching (after a 429 or a server error).
    pub delay_secs: u64,
    /// Which attempt this is (1 = first).
    pub attempt: u8,
}

/// One decoded page of an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// Subscription list page.
    Subscriptions(WireList<WireSubscription>),
    /// Workspace list page.
    Workspaces(WireList<WireWorkspace>),
    /// Role assignment list page.
    RoleAssignments(WireList<WireRoleAssignment>),
    /// `onboardingStates/default` answered 200.
    SentinelEnabled,
    /// Data connector list page.
    DataConnectors(WireList<WireDataConnector>),
    /// Analytics rule list page.
    AlertRules(WireList<WireAlertRule>),
    /// Automation rule list page.
    AutomationRules(WireList<WireAutomationRule>),
    /// Permission list page.
    Permissions(WireList<WirePermission>),
    /// Table list page.
    Tables(WireList<WireTable>),
}

/// Reads a success body as the page `call` expects. Generic over the value so the worker reads
/// its JS value in place and tests serde_json's tree.
pub fn decode_page<V: JsonValue>(call: &Call, body: &V) -> Read<Page> {
    Ok(match call {
        Call::Subscriptions => Page::Subscriptions(WireList::read(body)?),
        Call::Workspaces { .. } => Page::Workspaces(WireList::read(body)?),
        Call::RoleAssignments { .. } => Page::RoleAssignments(WireList::read(body)?),
        Call::SentinelState { .. } => Page::SentinelEnabled,
        Call::DataConnectors { .. } => Page::DataConnectors(WireList::read(body)?),
        Call::AlertRules { .. } => Page::AlertRules(WireList::read(body)?),
        Call::AutomationRules { .. } => Page::AutomationRules(WireList::read(body)?),
        Call::Permissions { .. } => Page::Permissions(WireList::read(body)?),
        Call::Tables { .. } => Page::Tables(WireList::read(body)?),
    })
}

/// What the shell got for one request, read into a page or the error it is: the status (with
/// `Retry-After`, read at `now_unix`), then the body (`None` when it was not JSON). A body that
/// does not have the documented shape is `Malformed` with a fixed reason, never one that quotes
/// response values, which must not reach the user's screen as ours.
pub fn read_answer<V: JsonValue>(
    call: &Call,
    status: u16,
    retry_after: Option<&str>,
    now_unix: i64,
    body: Option<V>,
) -> Result<Page, ArmError> {
    http::outcome(status, retry_after, now_unix)?;
    if matches!(call, Call::SentinelState { .. }) {
        // Only the status matters here (200 = enabled); the body is not read.
        return Ok(Page::SentinelEnabled);
    }
    let body = body.ok_or_else(|| ArmError::malformed("the answer is not JSON"))?;
    decode_page(call, &body)
        .map_err(|_| ArmError::malformed("the answer does not have the documented shape"))
}

/// What the pages of a list read so far add up to.
#[derive(Debug, Default)]
struct Partial {
    pages: u32,
    subscriptions: Vec<ArmSubscription>,
    workspaces: Vec<ArmWorkspace>,
    left_out: u32,
    contributor_apps: BTreeSet<String>,
    connector: Option<XdrConnector>,
    rules: RuleFacts,
    automation: Vec<AutomationFinding>,
    permissions: PermissionFacts,
    tables: Vec<XdrTable>,
}

/// The collection of one tenant's ARM facts.
#[derive(Debug, Default)]
pub struct Collection {
    facts: ArmFacts,
    queue: VecDeque<Request>,
    in_flight: HashMap<u32, Request>,
    partial: HashMap<Call, Partial>,
    fetched_links: BTreeSet<String>,
    next_id: u32,
}

impl Collection {
    /// A collection that starts with the subscription list.
    pub fn start() -> Self {
        let mut c = Collection::default();
        c.push(Call::Subscriptions, None, 0, 1);
        c
    }

    /// What has been found so far.
    pub fn facts(&self) -> &ArmFacts {
        &self.facts
    }

    /// Requests handed out and not yet answered.
    pub fn in_flight(&self) -> usize {
        self.in_flight.len()
    }

    /// What request `id` (handed out, not yet answered) asks for.
    pub fn call_of(&self, id: u32) -> Option<&Call> {
        self.in_flight.get(&id).map(|r| &r.call)
    }

    /// Nothing left to ask and nothing in flight.
    pub fn is_done(&self) -> bool {
        self.queue.is_empty() && self.in_flight.is_empty()
    }

    /// The next request to fetch, if any.
    pub fn next_request(&mut self) -> Option<Request> {
        let request = self.queue.pop_front()?;
        self.in_flight.insert(request.id, request.clone());
        Some(request)
    }

    fn push(&mut self, call: Call, url: Option<String>, delay_secs: u64, attempt: u8) {
        self.next_id += 1;
        let url = url.unwrap_or_else(|| call.url());
        self.queue.push_back(Request {
            id: self.next_id,
            call,
            url,
            delay_secs,
            attempt,
        });
    }

    /// Takes the answer to request `id`: a decoded page, or the error the status, the deadline
    /// or the decoder ended in. Unknown ids (a stale answer) are ignored.
    pub fn absorb(&mut self, id: u32, answer: Result<Page, ArmError>) {
        let Some(request) = self.in_flight.remove(&id) else {
            return;
        };
        match answer {
            Ok(page) => self.take_page(&request, page),
            Err(error) => self.take_error(request, error),
        }
    }

    fn take_error(&mut self, request: Request, error: ArmError) {
        let Request {
            call, url, attempt, ..
        } = request;
        match &error {
            ArmError::Throttled { retry_after_secs } if attempt < MAX_THROTTLED_ATTEMPTS => {
                self.push(call, Some(url), *retry_after_secs, attempt + 1);
                return;
            }
            ArmError::Server { .. } if error.is_retryable() && attempt < MAX_SERVER_ATTEMPTS => {
                self.push(call, Some(url), SERVER_RETRY_SECS, attempt + 1);
                return;
            }
            ArmError::NotFound { .. } if matches!(call, Call::SentinelState { .. }) => {
                // 404 on onboardingStates/default is the documented "not enabled"
                // (https://learn.microsoft.com/en-us/rest/api/securityinsights/sentinel-onboarding-states/get).
                self.finish_sentinel(&call, false);
                return;
            }
            _ => {}
        }
        self.partial.remove(&call);
        let error = error.on(call.describe());
        self.fail(&call, error);
    }

    fn fail(&mut self, call: &Call, error: ArmError) {
        let failed = || -> FailedWith { FailedWith(error.clone()) };
        match call {
            Call::Subscriptions => self.facts.subscriptions_read = failed().into_known(),
            Call::Workspaces { subscription } => {
                if let Some(s) = self.subscription_mut(subscription) {
                    s.workspaces = failed().into_known();
                }
            }
            Call::RoleAssignments { subscription } => {
                if let Some(s) = self.subscription_mut(subscription) {
                    s.sentinel_contributor_apps = failed().into_known();
                }
            }
            Call::SentinelState { workspace } => {
                if let Some(w) = self.workspace_mut(workspace) {
                    w.sentinel = failed().into_known();
                }
                // Without knowing whether Sentinel is on, its resources are not asked for.
                self.skip_sentinel_calls(workspace, "Sentinel's state could not be read");
            }
            Call::DataConnectors { workspace } => {
                self.set(workspace, |w| w.connector = failed().into_known())
            }
            Call::AlertRules { workspace } => {
                self.set(workspace, |w| w.rules = failed().into_known())
            }
            Call::AutomationRules { workspace } => {
                self.set(workspace, |w| w.automation = failed().into_known())
            }
            Call::Permissions { workspace } => {
                self.set(workspace, |w| w.permissions = failed().into_known())
            }
            Call::Tables { workspace } => self.set(workspace, |w| w.tables = failed().into_known()),
        }
    }

    /// Marks the SecurityInsights reads of a workspace as not made, and why.
    fn skip_sentinel_calls(&mut self, workspace: &WorkspaceRef, why: &str) {
        self.set(workspace, |w| {
            w.connector = Known::Skipped(why.to_string());
            w.rules = Known::Skipped(why.to_string());
            w.automation = Known::Skipped(why.to_string());
            w.permissions = Known::Skipped(why.to_string());
            w.tables = Known::Skipped(why.to_string());
        });
    }

    fn set(&mut self, workspace: &WorkspaceRef, update: impl FnOnce(&mut ArmWorkspace)) {
        if let Some(w) = self.workspace_mut(workspace) {
            update(w);
        }
    }

    fn subscription_mut(&mut self, id: &str) -> Option<&mut ArmSubscription> {
        self.facts.subscriptions.iter_mut().find(|s| s.id == id)
    }

    fn workspace_mut(&mut self, workspace: &WorkspaceRef) -> Option<&mut ArmWorkspace> {
        self.facts
            .workspaces
            .iter_mut()
            .find(|w| w.workspace.same(workspace))
    }

    fn take_page(&mut self, request: &Request, page: Page) {
        let call = request.call.clone();
        let mut partial = self.partial.remove(&call).unwrap_or_default();
        partial.pages += 1;
        let next_link = match page {
            Page::SentinelEnabled => {
                self.finish_sentinel(&call, true);
                return;
            }
            Page::Subscriptions(list) => {
                read_subscriptions(&mut partial, list.value);
                list.next_link
            }
            Page::Workspaces(list) => {
                let room = MAX_WORKSPACES.saturating_sub(self.facts.workspaces.len());
                read_workspaces(&mut partial, list.value, room);
                list.next_link
            }
            Page::RoleAssignments(list) => {
                read_role_assignments(&mut partial, list.value);
                list.next_link
            }
            Page::DataConnectors(list) => {
                read_connectors(&mut partial, list.value);
                list.next_link
            }
            Page::AlertRules(list) => {
                read_rules(&mut partial.rules, list.value);
                list.next_link
            }
            Page::AutomationRules(list) => {
                read_automation(&mut partial.automation, list.value);
                list.next_link
            }
            Page::Permissions(list) => {
                read_permissions(&mut partial.permissions, list.value);
                list.next_link
            }
            Page::Tables(list) => {
                read_tables(&mut partial.tables, list.value);
                list.next_link
            }
        };
        match next_link.filter(|l| !l.is_empty()) {
            None => self.finish(&call, partial),
            Some(l) => match link::arm_link(&l) {
                Some(_) if partial.pages >= MAX_PAGES => self.finish(&call, partial),
                Some(l) if self.fetched_links.insert(l.to_string()) => {
                    self.partial.insert(call.clone(), partial);
                    self.push(call, Some(l.to_string()), 0, 1);
                }
                Some(_) => self.fail(
                    &call,
                    ArmError::malformed("a nextLink repeated an earlier page"),
                ),
                None => self.fail(
                    &call,
                    ArmError::malformed("a nextLink that does not lead to management.azure.com"),
                ),
            },
        }
    }

    fn finish_sentinel(&mut self, call: &Call, enabled: bool) {
        let Call::SentinelState { workspace } = call else {
            return;
        };
        let workspace = workspace.clone();
        self.set(&workspace, |w| w.sentinel = Known::Got(enabled));
        if enabled {
            for call in [
                Call::DataConnectors {
                    workspace: workspace.clone(),
                },
                Call::AlertRules {
                    workspace: workspace.clone(),
                },
                Call::AutomationRules {
                    workspace: workspace.clone(),
                },
                Call::Permissions {
                    workspace: workspace.clone(),
                },
                Call::Tables {
                    workspace: workspace.clone(),
                },
            ] {
                self.push(call, None, 0, 1);
            }
        } else {
            // Without Sentinel there are no SecurityInsights resources to read.
            self.skip_sentinel_calls(&workspace, "Microsoft Sentinel is not enabled");
        }
    }

    fn finish(&mut self, call: &Call, partial: Partial) {
        match call {
            Call::Subscriptions => {
                self.facts.subscriptions_read = Known::Got(partial.subscriptions.len() as u32);
                for s in partial.subscriptions {
                    self.push(
                        Call::Workspaces {
                            subscription: s.id.clone(),
                        },
                        None,
                        0,
                        1,
                    );
                    self.push(
                        Call::RoleAssignments {
                            subscription: s.id.clone(),
                        },
                        None,
                        0,
                        1,
                    );
                    self.facts.subscriptions.push(s);
                }
            }
            Call::Workspaces { subscription } => {
                let count = partial.workspaces.len() as u32;
                self.facts.workspaces_left_out += partial.left_out;
                if let Some(s) = self.subscription_mut(subscription) {
                    s.workspaces = Known::Got(count);
                }
                for w in partial.workspaces {
                    if self.workspace_mut(&w.workspace).is_none() {
                        self.push(
                            Call::SentinelState {
                                workspace: w.workspace.clone(),
                            },
                            None,
                            0,
                            1,
                        );
                        self.facts.workspaces.push(w);
                    }
                }
            }
            Call::RoleAssignments { subscription } => {
                let apps = partial.contributor_apps.len() as u32;
                if let Some(s) = self.subscription_mut(subscription) {
                    s.sentinel_contributor_apps = Known::Got(apps);
                }
            }
            Call::SentinelState { .. } => {}
            Call::DataConnectors { workspace } => {
                let found = partial.connector;
                self.set(workspace, |w| w.connector = Known::Got(found));
            }
            Call::AlertRules { workspace } => {
                let rules = partial.rules;
                self.set(workspace, |w| w.rules = Known::Got(rules));
            }
            Call::AutomationRules { workspace } => {
                let found = partial.automation;
                self.set(workspace, |w| w.automation = Known::Got(found));
            }
            Call::Permissions { workspace } => {
                let found = partial.permissions;
                self.set(workspace, |w| w.permissions = Known::Got(found));
            }
            Call::Tables { workspace } => {
                let found = partial.tables;
                self.set(workspace, |w| w.tables = Known::Got(found));
            }
        }
    }
}

/// A failure to record in whichever [`Known`] the call fills.
struct FailedWith(ArmError);

impl FailedWith {
    fn into_known<T>(self) -> Known<T> {
        Known::Failed(self.0)
    }
}

fn push_name(list: &mut Vec<String>, name: String) {
    if list.len() < MAX_NAMES {
        list.push(name);
    }
}

fn clean_name(display: Option<String>, name: Option<String>) -> String {
    let text = display.or(name).unwrap_or_default();
    let text: String = text.chars().filter(|c| !c.is_control()).take(200).collect();
    if text.trim().is_empty() {
        "(a rule without a name)".to_string()
    } else {
        text
    }
}

fn read_subscriptions(partial: &mut Partial, value: Vec<WireSubscription>) {
    for s in value {
        let Some(id) = s.subscription_id.filter(|id| is_tenant_guid(id)) else {
            continue;
        };
        let id = id.to_ascii_lowercase();
        let off = s
            .state
            .as_deref()
            .is_some_and(|st| st.eq_ignore_ascii_case("disabled"));
        if off || partial.subscriptions.len() >= MAX_SUBSCRIPTIONS {
            continue;
        }
        if partial.subscriptions.iter().any(|known| known.id == id) {
            continue;
        }
        let name = clean_name(s.display_name, Some(id.clone()));
        partial.subscriptions.push(ArmSubscription {
            id,
            name,
            workspaces: Known::Pending,
            sentinel_contributor_apps: Known::Pending,
        });
    }
}

fn read_workspaces(partial: &mut Partial, value: Vec<WireWorkspace>, room: usize) {
    for w in value {
        let Some(workspace) = w.id.as_deref().and_then(WorkspaceRef::from_id) else {
            continue;
        };
        if partial.workspaces.len() >= room {
            partial.left_out += 1;
            continue;
        }
        let location = w
            .location
            .filter(|l| l.len() <= 64 && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' '));
        partial
            .workspaces
            .push(ArmWorkspace::new(workspace, location));
    }
}

fn read_role_assignments(partial: &mut Partial, value: Vec<WireRoleAssignment>) {
    for a in value {
        let Some(p) = a.properties else { continue };
        let is_contributor = p
            .role_definition_id
            .as_deref()
            .and_then(|id| id.rsplit('/').next())
            .is_some_and(|guid| guid.eq_ignore_ascii_case(SENTINEL_CONTRIBUTOR_ROLE));
        let is_app = p
            .principal_type
            .as_deref()
            .is_some_and(|t| t.eq_ignore_ascii_case("ServicePrincipal"));
        if let (true, true, Some(principal)) = (is_contributor, is_app, p.principal_id) {
            partial
                .contributor_apps
                .insert(principal.to_ascii_lowercase());
        }
    }
}

fn enabled(state: Option<&super::wire::WireDataTypeState>) -> bool {
    state
        .and_then(|s| s.state.as_deref())
        .is_some_and(|s| s.eq_ignore_ascii_case("enabled"))
}

fn read_connectors(partial: &mut Partial, value: Vec<WireDataConnector>) {
    for c in value {
        let is_xdr = c
            .kind
            .as_deref()
            .is_some_and(|k| k.eq_ignore_ascii_case("MicrosoftThreatProtection"));
        if !is_xdr {
            continue;
        }
        let types = c.properties.and_then(|p| p.data_types).unwrap_or_default();
        let found = XdrConnector {
            incidents: enabled(types.incidents.as_ref()),
            alerts: enabled(types.alerts.as_ref()),
        };
        // Several entries of the kind would be odd; keep the most enabled one.
        let better = partial
            .connector
            .as_ref()
            .is_none_or(|known| (found.incidents, found.alerts) > (known.incidents, known.alerts));
        if better {
            partial.connector = Some(found);
        }
    }
}

fn read_rules(rules: &mut RuleFacts, value: Vec<WireAlertRule>) {
    for r in value {
        rules.total = rules.total.saturating_add(1);
        let props = r.properties.unwrap_or_default();
        if props.enabled != Some(true) {
            continue;
        }
        let kind = r.kind.unwrap_or_default();
        let name = clean_name(props.display_name, r.name);
        if kind.eq_ignore_ascii_case("Fusion") {
            push_name(&mut rules.fusion_enabled, name);
        } else if kind.eq_ignore_ascii_case("MicrosoftSecurityIncidentCreation") {
            push_name(&mut rules.incident_creation_enabled, name);
        } else if kind.eq_ignore_ascii_case("Scheduled") || kind.eq_ignore_ascii_case("NRT") {
            let alerts_only =
                props.incident_configuration.and_then(|c| c.create_incident) == Some(false);
            if alerts_only {
                push_name(&mut rules.alert_only, name);
            }
        }
    }
}

fn read_automation(found: &mut Vec<AutomationFinding>, value: Vec<WireAutomationRule>) {
    for r in value {
        let props = r.properties.unwrap_or_default();
        let logic = props.triggering_logic.unwrap_or_default();
        if logic.is_enabled == Some(false) {
            continue;
        }
        let rule = clean_name(props.display_name, r.name);
        let mut named = BTreeSet::new();
        for c in logic.conditions.unwrap_or_default() {
            let Some(property) = c.condition_properties.and_then(|p| p.property_name) else {
                continue;
            };
            if spec::BREAKING_CONDITIONS
                .iter()
                .any(|b| b.eq_ignore_ascii_case(&property))
            {
                named.insert(property);
            }
        }
        for property in named {
            if found.len() < MAX_NAMES {
                found.push(AutomationFinding {
                    rule: rule.clone(),
                    property,
                });
            }
        }
    }
}

fn read_permissions(found: &mut PermissionFacts, value: Vec<WirePermission>) {
    const MAX_ACTIONS: usize = 500;
    for p in value {
        for a in p.actions.unwrap_or_default() {
            if found.actions.len() < MAX_ACTIONS && !found.actions.contains(&a) {
                found.actions.push(a);
            }
        }
        for a in p.not_actions.unwrap_or_default() {
            if found.not_actions.len() < MAX_ACTIONS && !found.not_actions.contains(&a) {
                found.not_actions.push(a);
            }
        }
    }
}

fn read_tables(found: &mut Vec<XdrTable>, value: Vec<WireTable>) {
    for t in value {
        let props = t.properties.unwrap_or_default();
        let name = t
            .name
            .or_else(|| props.schema.as_ref().and_then(|s| s.name.clone()))
            .unwrap_or_default();
        let is_xdr = spec::XDR_TABLES
            .iter()
            .any(|x| x.eq_ignore_ascii_case(&name));
        if !is_xdr || found.len() >= MAX_NAMES {
            continue;
        }
        let days = props
            .total_retention_in_days
            .or(props.retention_in_days)
            .and_then(|d| u32::try_from(d).ok());
        found.push(XdrTable {
            name,
            total_retention_days: days,
        });
    }
}
