use crate::schema::build::*;

pub static KUBERNETES_AFFINITY: Struct = Struct {
    class: "KubernetesAffinity",
    // Mirrors gitlab-runner's `common.KubernetesAffinity`.
    doc: "Affinity rules that constrain which nodes the job pod is scheduled on ([runners.kubernetes.affinity]).",
    python: Python::NONE,
    fields: &[
        f("node_affinity", Table(&KUBERNETES_NODE_AFFINITY))
            .since(13, 4)
            .doc("Node affinity rules: schedule the pod onto nodes whose labels or fields match given terms."),
        f("pod_affinity", Table(&KUBERNETES_POD_AFFINITY))
            .since(14, 3)
            .doc("Pod affinity rules: co-locate the job pod with pods matching label selectors in a topology domain."),
        f("pod_anti_affinity", Table(&KUBERNETES_POD_ANTI_AFFINITY)).since(14, 3).doc(
            "Pod anti-affinity rules: keep the job pod away from pods matching label selectors in a topology domain.",
        ),
    ],
};

pub static KUBERNETES_NODE_AFFINITY: Struct = Struct {
    class: "KubernetesNodeAffinity",
    // Mirrors gitlab-runner's `common.KubernetesNodeAffinity`.
    doc: "Node affinity for the job pod, with hard (required) and soft (preferred) node selection rules.",
    python: Python::NONE,
    fields: &[
        f("required_during_scheduling_ignored_during_execution", Table(&NODE_SELECTOR)).since(13, 4).doc(
            "Hard node requirement: the pod is only scheduled on nodes matching this selector; not re-checked later.",
        ),
        f("preferred_during_scheduling_ignored_during_execution", Tables(&PREFERRED_SCHEDULING_TERM))
            .since(13, 4)
            .doc("Weighted soft node preferences; the scheduler favors nodes matching them but may pick others."),
    ],
};

pub static NODE_SELECTOR: Struct = Struct {
    class: "NodeSelector",
    // Mirrors gitlab-runner's `common.NodeSelector`.
    doc: "A required node selector: a node matches if it satisfies at least one of its node selector terms.",
    python: Python::NONE,
    fields: &[f("node_selector_terms", Tables(&NODE_SELECTOR_TERM))
        .since(13, 4)
        .doc("List of node selector terms, combined with OR; a node must match at least one term.")],
};

pub static NODE_SELECTOR_TERM: Struct = Struct {
    class: "NodeSelectorTerm",
    // Mirrors gitlab-runner's `common.NodeSelectorTerm`.
    doc: "A node selector term; all of its match expressions and match fields must be satisfied (AND).",
    python: Python::NONE,
    fields: &[
        f("match_expressions", Tables(&NODE_SELECTOR_REQUIREMENT))
            .since(13, 4)
            .doc("Requirements evaluated against node labels; all must match."),
        f("match_fields", Tables(&NODE_SELECTOR_REQUIREMENT))
            .since(13, 4)
            .doc("Requirements evaluated against node fields such as `metadata.name`; all must match."),
    ],
};

pub static NODE_SELECTOR_REQUIREMENT: Struct = Struct {
    class: "NodeSelectorRequirement",
    // Mirrors gitlab-runner's `common.NodeSelectorRequirement`.
    doc: "A selector requirement: a key, an operator and values, used for node, pod and namespace label matching.",
    python: Python::NONE,
    fields: &[
        f("key", String).since(13, 4).required()
            .doc("The label key (or node field name for match_fields) the requirement applies to."),
        f("operator", String).since(13, 4).required()
            .doc("Relation of key to values: In, NotIn, Exists, DoesNotExist, plus Gt and Lt for node selectors."),
        f("values", Strings).since(13, 4)
            .doc("Values compared with the key; required for In/NotIn, empty for Exists/DoesNotExist, one integer for Gt/Lt."),
    ],
};

pub static PREFERRED_SCHEDULING_TERM: Struct = Struct {
    class: "PreferredSchedulingTerm",
    // Mirrors gitlab-runner's `common.PreferredSchedulingTerm`.
    doc: "A weighted node preference for soft node affinity (a node selector term plus a weight).",
    python: Python::NONE,
    fields: &[
        f("weight", Integer)
            .int32()
            .minimum(1)
            .maximum(100)
            .since(13, 4)
            .doc("Weight (1-100) added to a node's score when it matches the preference term."),
        f("preference", Table(&NODE_SELECTOR_TERM))
            .since(13, 4)
            .doc("The node selector term that a node should match to receive this weight."),
    ],
};

pub static KUBERNETES_POD_AFFINITY: Struct = Struct {
    class: "KubernetesPodAffinity",
    // Mirrors gitlab-runner's `common.KubernetesPodAffinity`.
    doc: "Pod affinity rules that attract the job pod to nodes running pods that match given selectors.",
    python: Python::NONE,
    fields: &[
        f("required_during_scheduling_ignored_during_execution", Tables(&POD_AFFINITY_TERM)).since(14, 3).doc(
            "Hard pod affinity terms; all must be met for the pod to be scheduled on a node; not re-checked later.",
        ),
        f("preferred_during_scheduling_ignored_during_execution", Tables(&WEIGHTED_POD_AFFINITY_TERM))
            .since(14, 3)
            .doc("Weighted soft pod affinity terms the scheduler tries to satisfy when choosing a node."),
    ],
};

pub static POD_AFFINITY_TERM: Struct = Struct {
    class: "PodAffinityTerm",
    // Mirrors gitlab-runner's `common.PodAffinityTerm`.
    doc: "A pod (anti-)affinity term: pods selected by label and namespace, and the topology key defining co-location.",
    python: Python::NONE,
    fields: &[
        f("label_selector", Table(&LABEL_SELECTOR)).since(14, 3)
            .doc("Label query selecting the set of existing pods this term refers to."),
        f("namespaces", Strings).since(14, 3)
            .doc("Static list of namespaces to search for matching pods; empty with no namespace_selector means the pod's own namespace."),
        f("topology_key", String).since(14, 3)
            .doc("Node label key defining the topology domain; pods count as co-located on nodes sharing this label value."),
        f("namespace_selector", Table(&LABEL_SELECTOR)).since(14, 3)
            .doc("Label query over namespaces whose pods are considered; an empty selector matches all namespaces."),
        f("match_label_keys", Strings).since(19, 1)
            .doc("Pod label keys whose values from the incoming pod are added to label_selector as key In value."),
        f("mismatch_label_keys", Strings).since(19, 1)
            .doc("Pod label keys whose values from the incoming pod are added to label_selector as key NotIn value."),
    ],
};

pub static LABEL_SELECTOR: Struct = Struct {
    class: "LabelSelector",
    // Mirrors gitlab-runner's `common.LabelSelector`.
    doc: "A Kubernetes label selector (match labels and expressions, ANDed) used to select pods or namespaces.",
    python: Python::NONE,
    fields: &[
        f("match_labels", Map(MapOf::String))
            .since(14, 3)
            .doc("Map of label key/value pairs that must all be present with exactly these values."),
        f("match_expressions", Tables(&NODE_SELECTOR_REQUIREMENT))
            .since(14, 3)
            .doc("Label selector requirements (key, operator, values); all must be satisfied."),
    ],
};

pub static WEIGHTED_POD_AFFINITY_TERM: Struct = Struct {
    class: "WeightedPodAffinityTerm",
    // Mirrors gitlab-runner's `common.WeightedPodAffinityTerm`.
    doc: "A pod affinity or anti-affinity term with a weight, used for soft (preferred) scheduling rules.",
    python: Python::NONE,
    fields: &[
        f("weight", Integer)
            .int32()
            .minimum(1)
            .maximum(100)
            .since(14, 3)
            .doc("Weight (1-100) added to a node's score when the associated pod affinity term is satisfied."),
        f("pod_affinity_term", Table(&POD_AFFINITY_TERM))
            .since(14, 3)
            .doc("The pod affinity term whose satisfaction earns the weight."),
    ],
};

pub static KUBERNETES_POD_ANTI_AFFINITY: Struct = Struct {
    class: "KubernetesPodAntiAffinity",
    // Mirrors gitlab-runner's `common.KubernetesPodAntiAffinity`.
    doc: "Pod anti-affinity rules that keep the job pod off nodes running pods that match given selectors.",
    python: Python::NONE,
    fields: &[
        f("required_during_scheduling_ignored_during_execution", Tables(&POD_AFFINITY_TERM))
            .since(14, 3)
            .doc("Hard anti-affinity terms; the pod is not scheduled where they are violated; not re-checked later."),
        f("preferred_during_scheduling_ignored_during_execution", Tables(&WEIGHTED_POD_AFFINITY_TERM))
            .since(14, 3)
            .doc("Weighted soft anti-affinity terms the scheduler tries to satisfy when choosing a node."),
    ],
};
