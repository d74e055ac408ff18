import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { DefectionError, type SqlClient, sql } from "@vafa/core";

/** Host names of cloud metadata services (AWS, GCP, Azure, Alibaba, OpenStack, DigitalOcean…). */
const metadataHosts = new Set([
  "metadata",
  "metadata.google.internal",
  "metadata.goog",
  "metadata.azure.com",
  "instance-data",
  "instance-data.ec2.internal",
  "metadata.platformequinix.com",
  "metadata.packet.net",
]);

/**
 * Addresses no outgoing request may reach: link-local (169.254.0.0/16, fe80::/10 — where the cloud
 * metadata services answer, with the instance's credentials) and the metadata addresses outside
 * that range (AWS's IPv6 fd00:ec2::254, Alibaba's 100.100.100.200). Loopback and private networks
 * stay allowed: a CRM on the same host or LAN is a normal webhook target.
 */
const forbidden = new BlockList();
forbidden.addSubnet("169.254.0.0", 16, "ipv4");
forbidden.addSubnet("fe80::", 10, "ipv6");
forbidden.addAddress("fd00:ec2::254", "ipv6");
forbidden.addAddress("100.100.100.200", "ipv4");

/** The settings key holding the admin's outgoing-request allowlist: `{ "allowed_hosts": [...] }`. */
export const outboundSettingKey = "outbound";

/** The IPv4 address inside an IPv4-mapped IPv6 one (`::ffff:169.254.169.254` or `::ffff:a9fe:a9fe`). */
function mappedIpv4(address: string): string | null {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (dotted !== undefined) return dotted;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex === null) return null;
  const [hi, lo] = [Number.parseInt(hex[1] ?? "0", 16), Number.parseInt(hex[2] ?? "0", 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
}

function isForbiddenAddress(address: string): boolean {
  const mapped = mappedIpv4(address);
  if (mapped !== null) return forbidden.check(mapped, "ipv4");
  const family = isIP(address);
  return family !== 0 && forbidden.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** Whether `host` is on the allowlist: an exact entry, or a `*.example.com` entry for its subdomains. */
function allowed(host: string, allowHosts: readonly string[]): boolean {
  return allowHosts.some((entry) => {
    const e = entry.trim().toLowerCase().replace(/\.$/, "");
    return e.startsWith("*.") ? host.endsWith(e.slice(1)) : host === e;
  });
}

/**
 * Refuses an outgoing request's target (webhook deliveries; any future mail relay) that would reach
 * a link-local or cloud-metadata address — by host name, by IP literal, or by what the name
 * resolves to (every address it resolves to is checked) — or, when the admin set an allowlist, a
 * host not on it. Call it right before each request, not only when the URL is saved, since DNS may
 * change in between.
 *
 * @throws DefectionError naming the host and why.
 * @example
 * await checkOutboundTarget(new URL("http://169.254.169.254/latest/meta-data"), null); // throws
 * await checkOutboundTarget(new URL("https://crm.example.com/hook"), ["crm.example.com"]); // ok
 */
export async function checkOutboundTarget(
  url: URL,
  allowHosts: readonly string[] | null,
  resolve: (host: string) => Promise<readonly string[]> = resolveAll,
): Promise<void> {
  const host = url.hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
  if (metadataHosts.has(host))
    throw new DefectionError(`outgoing requests to ${host} (a cloud metadata service) are refused`);
  if (allowHosts !== null && allowHosts.length > 0 && !allowed(host, allowHosts))
    throw new DefectionError(`${host} is not on the allowlist of outgoing hosts (${allowHosts.join(", ")})`);
  const addresses = isIP(host) !== 0 ? [host] : await resolve(host).catch(() => []);
  const bad = addresses.find(isForbiddenAddress);
  if (bad !== undefined)
    throw new DefectionError(
      `outgoing requests to ${host} are refused: ${bad} is a link-local or metadata address`,
    );
}

async function resolveAll(host: string): Promise<readonly string[]> {
  return (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
}

/**
 * The admin's allowlist of outgoing hosts from the store's `settings` table (key "outbound"), or
 * null when none is set (every host but the forbidden addresses is allowed).
 *
 * @example
 * const allowHosts = await outboundAllowlist(store.client); // ["crm.example.com"] or null
 */
export async function outboundAllowlist(client: SqlClient): Promise<readonly string[] | null> {
  let rows: readonly { value?: unknown }[];
  try {
    rows = await client.all(sql("SELECT value FROM settings WHERE key = $1", [outboundSettingKey]));
  } catch {
    return null;
  }
  const raw = rows[0]?.value;
  if (raw === undefined || raw === null) return null;
  try {
    const parsed = JSON.parse(String(raw)) as { allowed_hosts?: unknown };
    const hosts = Array.isArray(parsed.allowed_hosts)
      ? parsed.allowed_hosts.filter((h) => typeof h === "string")
      : [];
    return hosts.length > 0 ? hosts : null;
  } catch {
    return null;
  }
}
