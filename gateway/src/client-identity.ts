/**
 * Who is calling the gateway, as far as the edge cares: limits, the public contract and
 * trusted documents are decided per client. The subgraphs see only the signed Caller.
 */
export interface ClientIdentity {
  kind: 'user' | 'partner' | 'anonymous';
  /** stable key for rate limits and logs: `user:<sub>`, `partner:<partnerId>`, or `anonymous:<ip>` */
  id: string;
  /** set when the client authenticated with a partner API key */
  partner?: PartnerAccess;
}

/** What a partner API key grants, as the partners subgraph describes it. */
export interface PartnerAccess {
  partnerId: string;
  keyId: string;
  /** the key's public prefix (safe in logs) */
  keyPrefix: string;
  /** only documents from the trusted-documents manifest may run */
  trustedDocumentsOnly: boolean;
  /** per-partner overrides of the gateway's default limits */
  rateLimit?: { requestsPerMinute?: number; costPerMinute?: number };
}
