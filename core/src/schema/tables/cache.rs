use crate::schema::build::*;

pub static CACHE_CONFIG: Struct = Struct {
    class: "CacheConfig",
    // Mirrors gitlab-runner's `cache/cacheconfig.Config`.
    doc: "Distributed cache settings ([runners.cache]).",
    python: Python { order: &["type", "path", "shared", "s3", "gcs"], required: 0 },
    fields: &[
        f("Type", String).name("type").allowed(&["s3", "gcs", "azure"]).doc("Cache storage backend: s3, gcs or azure."),
        f("Path", String).name("path").doc("Path prefix prepended to cache object URLs."),
        f("Shared", Boolean)
            .name("shared")
            .default(Bool(false))
            .doc("If true, the cache is shared between runners instead of scoped per runner; default false."),
        f("MaxUploadedArchiveSize", Integer)
            .minimum(0)
            .since(15, 6)
            .name("max_uploaded_archive_size")
            .doc("Maximum size in bytes of a cache archive uploaded to cloud storage; 0 means no limit."),
        f("s3", Table(&CACHE_S3_CONFIG)).doc("Amazon S3 or S3-compatible cache backend settings ([runners.cache.s3])."),
        f("gcs", Table(&CACHE_GCS_CONFIG)).doc("Google Cloud Storage cache backend settings ([runners.cache.gcs])."),
        f("azure", Table(&CACHE_AZURE_CONFIG))
            .since(13, 4)
            .doc("Azure Blob Storage cache backend settings ([runners.cache.azure])."),
    ],
};

pub static CACHE_S3_CONFIG: Struct = Struct {
    class: "CacheS3Config",
    // Mirrors gitlab-runner's `cache/cacheconfig.CacheS3Config`.
    doc: "S3 cache backend settings ([runners.cache.s3]).",
    python: Python {
        order: &[
            "server_address",
            "access_key",
            "secret_key",
            "bucket_name",
            "bucket_location",
            "insecure",
            "authentication_type",
        ],
        required: 0,
    },
    fields: &[
        f("ServerAddress", String)
            .name("server_address")
            .doc("host:port of the S3-compatible server; leave empty for AWS S3."),
        f("BucketName", String).name("bucket_name").doc("Name of the S3 bucket that stores the cache."),
        f("BucketLocation", String).name("bucket_location").doc("AWS region where the S3 cache bucket is located."),
        f("AccessKey", String)
            .name("access_key")
            .secret()
            .doc("Access key ID used to sign S3 requests for the cache bucket."),
        f("SecretKey", String).name("secret_key").secret().doc("Secret access key used to sign S3 requests."),
        f("Insecure", Boolean)
            .name("insecure")
            .default(Bool(false))
            .doc("If true, talk to the S3 server over plain HTTP instead of HTTPS."),
        f("SessionToken", String)
            .since(16, 8)
            .name("session_token")
            .secret()
            .doc("Session token to use with temporary S3 credentials."),
        f("AuthenticationType", String)
            .since(14, 4)
            .name("authentication_type")
            .allowed(&["access-key", "iam"])
            .doc("access-key or iam; defaults to access-key when server and keys are set, otherwise iam."),
        f("ServerSideEncryption", String)
            .since(15, 3)
            .name("server_side_encryption")
            .allowed(&["S3", "AES256", "KMS", "aws:kms", "DSSE-KMS", "aws:kms:dsse"])
            .doc("Server-side encryption mode for cache objects, for example S3 (AES256) or KMS."),
        f("ServerSideEncryptionKeyID", String)
            .since(15, 3)
            .name("server_side_encryption_key_id")
            .doc("KMS key ID, alias or ARN used when encryption mode is KMS or DSSE-KMS."),
        f("DualStack", Boolean)
            .since(17, 5)
            .name("dual_stack")
            .default(Bool(true))
            .doc("Use dual-stack (IPv4 and IPv6) S3 endpoints; default true."),
        f("PathStyle", Boolean)
            .since(17, 5)
            .name("path_style")
            .doc("Use path-style bucket URLs; auto-detected from ServerAddress when unset."),
        f("Accelerate", Boolean)
            .since(17, 5)
            .name("accelerate")
            .default(Bool(false))
            .doc("Use S3 Transfer Acceleration endpoints for cache transfers."),
        f("RoleARN", String)
            .since(17, 8)
            .name("role_arn")
            .doc("IAM role ARN assumed for cache transfers to and from S3."),
        f("UploadRoleARN", String)
            .since(17, 5)
            .name("upload_role_arn")
            .doc("IAM role ARN assumed only for cache uploads to S3."),
        f("AssumeRoleMaxConcurrency", Integer)
            .minimum(-1)
            .since(18, 11)
            .name("assume_role_max_concurrency")
            .default(Int(5))
            .doc("Maximum concurrent STS AssumeRole requests; default 5, -1 means unlimited."),
        f("DisableAssumeRoleCredentialsCaching", Boolean)
            .since(18, 11)
            .name("disable_assume_role_credentials_caching")
            .default(Bool(false))
            .doc("If true, credentials from AssumeRole are not cached and reused between requests."),
    ],
};

pub static CACHE_GCS_CONFIG: Struct = Struct {
    class: "CacheGCSConfig",
    // Mirrors gitlab-runner's `cache/cacheconfig.CacheGCSConfig`.
    doc: "Google Cloud Storage cache backend settings ([runners.cache.gcs]).",
    python: Python { order: &["credentials_file", "access_id", "private_key", "bucket_name"], required: 0 },
    fields: &[
        f("BucketName", String).name("bucket_name").doc("Name of the GCS bucket that stores the cache."),
        f("CredentialsFile", String)
            .name("credentials_file")
            .doc("Path to a GCP credentials JSON file, instead of AccessID and PrivateKey."),
        f("AccessID", String).name("access_id").doc("ID (email) of the GCP service account used to access the bucket."),
        f("PrivateKey", String)
            .name("private_key")
            .secret()
            .doc("Private key of the service account, used to sign GCS requests."),
        f("UniverseDomain", String)
            .since(18, 9)
            .name("universe_domain")
            .doc("Google Cloud universe domain for GCS requests, for example googleapis.com."),
    ],
};

pub static CACHE_AZURE_CONFIG: Struct = Struct {
    class: "CacheAzureConfig",
    // Mirrors gitlab-runner's `cache/cacheconfig.CacheAzureConfig`.
    doc: "Azure Blob Storage cache backend settings ([runners.cache.azure]).",
    python: Python::NONE,
    fields: &[
        f("AccountName", String)
            .since(13, 4)
            .name("account_name")
            .doc("Name of the Azure storage account that holds the cache container."),
        f("AccountKey", String)
            .since(13, 4)
            .name("account_key")
            .secret()
            .doc("Access key of the Azure storage account."),
        f("ContainerName", String)
            .since(13, 4)
            .name("container_name")
            .doc("Name of the Azure blob container that stores the cache."),
        f("StorageDomain", String)
            .since(13, 4)
            .name("storage_domain")
            .doc("Domain of the Azure storage endpoint, for example blob.core.windows.net."),
    ],
};
