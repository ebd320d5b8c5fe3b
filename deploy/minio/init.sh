#!/bin/sh
# One-shot setup of the compose `minio` (docker-compose.yml `minio-init`),
# safe to run at every start: the uploads bucket, anonymous read of its
# objects (never listing: nginx serves them under <CMS URL>/media/), and the
# CMS's own access key, allowed to read and write that bucket only.
set -eu

mc alias set local http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null
mc mb --ignore-existing "local/$S3_BUCKET"
# Anonymous GetObject on the objects only: `mc anonymous set download` would
# also allow s3:ListBucket, i.e. a listing of every file name (drafts' uploads included).
public_read=/tmp/chiudete-uploads-public-read.json
cat > "$public_read" <<JSON
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "AWS": ["*"] }, "Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::$S3_BUCKET/*"] }
  ]
}
JSON
mc anonymous set-json "$public_read" "local/$S3_BUCKET"

policy=/tmp/chiudete-uploads-policy.json
cat > "$policy" <<JSON
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"], "Resource": ["arn:aws:s3:::$S3_BUCKET"] },
    { "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"], "Resource": ["arn:aws:s3:::$S3_BUCKET/*"] }
  ]
}
JSON
mc admin policy create local chiudete-uploads "$policy"
# Creates the user, or sets its secret again (a changed S3_SECRET_ACCESS_KEY takes effect).
mc admin user add local "$S3_ACCESS_KEY_ID" "$S3_SECRET_ACCESS_KEY"
# Attaching an already attached policy is an error: only attach when missing.
if ! mc admin user info local "$S3_ACCESS_KEY_ID" | grep -q chiudete-uploads; then
  mc admin policy attach local chiudete-uploads --user "$S3_ACCESS_KEY_ID"
fi
echo "minio-init: bucket $S3_BUCKET ready for $S3_ACCESS_KEY_ID"
