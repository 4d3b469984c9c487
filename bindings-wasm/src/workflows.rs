//! The field workflows for JavaScript that need no files: registry credentials for
//! `DOCKER_AUTH_CONFIG` (the core writes the JSON, as for Python and the command line).

use gitlab_runner_config::docker_auth::{docker_auth_config as auth_json, DockerAuth};
use gitlab_runner_config::{Error, ErrorKind, KeyPath};
use wasm_bindgen::prelude::*;

use crate::output;

/// The JSON value of `DOCKER_AUTH_CONFIG`; `boundary.js` reads the options object.
#[wasm_bindgen(js_name = dockerAuthConfig)]
pub fn docker_auth_config(
    registry: Option<String>,
    username: Option<String>,
    password: Option<String>,
    cred_helper: Option<String>,
    creds_store: Option<String>,
) -> Result<String, String> {
    let auth = match (
        registry.as_deref(),
        username.as_deref(),
        password.as_deref(),
        cred_helper.as_deref(),
        creds_store.as_deref(),
    ) {
        (Some(registry), Some(username), Some(password), None, None) => {
            DockerAuth::Password { registry, username, password }
        }
        (Some(registry), None, None, Some(helper), None) => DockerAuth::Helper { registry, helper },
        (None, None, None, None, Some(store)) => DockerAuth::Store { store },
        _ => {
            return Err(fail(
                "give registry with username and password, or registry with credHelper, or credsStore alone".into(),
            ))
        }
    };
    auth_json(&auth).map_err(fail)
}

fn fail(message: String) -> String {
    output::errors(vec![Error::new(ErrorKind::Value, KeyPath::root(), message)], "")
}
