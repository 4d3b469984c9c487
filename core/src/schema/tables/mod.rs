//! The definitions, one file per family of tables. Adding a gitlab-runner key is adding one
//! `f(...)` line in the right struct, at its place in gitlab-runner's struct order.

pub mod autoscaler;
pub mod cache;
pub mod docker;
pub mod docker_machine;
pub mod global;
pub mod kubernetes;
pub mod kubernetes_affinity;
pub mod kubernetes_lifecycle;
pub mod kubernetes_security;
pub mod kubernetes_volumes;
pub mod other_executors;
pub mod runner;
