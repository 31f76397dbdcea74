// Source links as every renderer shows them (sourceLink in src/reply/reply.ts): named the way people name
// AWS's guides and pages, never as the folders of an address.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { sourceLink } from '../../src/reply/reply';
import { ROOT } from '../support/kb-copy';

test.each([
  ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.html', 'Amazon RDS User Guide: Using with RDS'],
  ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-security.html', 'Amazon EC2 User Guide: EC2 security'],
  ['https://docs.aws.amazon.com/lambda/latest/dg/lambda-security.html', 'AWS Lambda Developer Guide: Lambda security'],
  ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html', 'Amazon S3 User Guide: Using KMS encryption'],
  ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.MySQL.Minor.html', 'Amazon RDS User Guide: Upgrade DB instance – MySQL – Minor'],
  ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/WhatIsCloudTrail-Security.html', 'AWS CloudTrail User Guide: What is CloudTrail security'],
  ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html', 'Amazon DynamoDB Developer Guide: Encryption at rest'],
  ['https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html', 'IAM User Guide: Access policies identity vs resource'],
  ['https://docs.aws.amazon.com/autoscaling/ec2/userguide/security.html', 'Amazon EC2 Auto Scaling User Guide: Security'],
  ['https://docs.aws.amazon.com/datasync/latest/userguide/API_CreateAgent.html', 'Datasync User Guide: CreateAgent'], // an API operation keeps its name
  ['https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/protecting-data-at-rest.html', 'AWS Well-Architected Security Pillar: Protecting data at rest'],
  ['https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/welcome.html', 'AWS Well-Architected Reliability Pillar'], // a welcome page is the guide
  ['https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/regions.html', 'AWS Fault Isolation Boundaries: Regions'],
  ['https://docs.aws.amazon.com/codebuild/latest/userguide/security.html', 'Codebuild User Guide: Security'], // a folder not in the table, in words
  ['https://aws.amazon.com/compliance/shared-responsibility-model/', 'AWS Compliance: Shared responsibility model'],
  ['https://aws.amazon.com/blogs/security/how-the-unique-culture-of-security-at-aws-makes-a-difference/', 'AWS Security Blog: How the unique culture of security at AWS makes a difference'],
  ['https://aws.amazon.com/types-of-cloud-computing/', 'AWS: Types of cloud computing'],
  ['https://aws.amazon.com/', 'AWS'],
  ['https://example.com/docs/getting-started.html', 'example.com: Getting started'],
])('%s → "%s"', (url, title) => {
  expect(sourceLink(url)).toEqual({ title, url });
});

test('every source of the knowledge base reads as a guide and a page, not as folders', () => {
  const data = join(ROOT, 'data');
  const urls = new Set(readdirSync(data).flatMap((f) => readFileSync(join(data, f), 'utf8').match(/https:\/\/[\w.-]*amazon\.com\/[^\s"'#)]*/g) ?? []));
  expect(urls.size).toBeGreaterThan(200);
  for (const url of urls) {
    const { title } = sourceLink(url);
    expect({ url, title, raw: /[/_›]|\blatest\b|\.html\b|^AWS docs/.test(title) }).toEqual({ url, title, raw: false });
  }
});

test('any address gets a title, whatever it holds', () => {
  fc.assert(
    fc.property(fc.oneof(fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.string({ maxLength: 200 })), (url) => {
      const link = sourceLink(url);
      expect(link.url).toBe(url);
      expect(typeof link.title).toBe('string');
      if (url.trim() !== '') expect(link.title.length).toBeGreaterThan(0);
    }),
    { numRuns: 500 },
  );
});
