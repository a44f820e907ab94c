/**
 * A pack's identity through the years: its content hash, and how a workbook's stamp (the pack it was made with)
 * stands to the pack loaded now — the same, an upgrade that is optional (a minor version) or required (a major one).
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import type { Pack } from "./schema";

/** JSON with every object's keys sorted: the same pack with other spacing or key order is the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

const hashes = new WeakMap<Pack, string>();

/**
 * The pack without the fields added to the schema after packs were first stamped (rules, family, narrative.otherKinds),
 * where they hold their defaults:
 * a pack that does not set them hashes as it did, and its workbooks are not taken for made with an edited pack.
 */
function withoutLaterDefaults(pack: Pack): unknown {
  const { rules, narrative, family, ...rest } = pack;
  const other = narrative?.otherKinds;
  const plainNarrative = narrative && other?.length === 1 && other[0] === "决算" ? { ...narrative, otherKinds: undefined } : narrative;
  return { ...rest, ...(rules.length ? { rules } : {}), ...(family !== "预算" ? { family } : {}), narrative: plainNarrative };
}

/** The first 16 hex digits of the SHA-256 of the pack as read (defaults filled in): what a stamp records. */
export function packHash(pack: Pack): string {
  let hash = hashes.get(pack);
  if (!hash) hashes.set(pack, (hash = bytesToHex(sha256(utf8ToBytes(canonical(withoutLaterDefaults(pack))))).slice(0, 16)));
  return hash;
}

const parts = (version: string) => version.split(".").map(Number);

/** What a workbook's stamp records of its pack. */
export interface StampedPack {
  pack: string;
  version: string;
  hash?: string;
}

export type PackRelation =
  | { kind: "same" }
  /** Another pack altogether: the stamp says nothing of this one. */
  | { kind: "other" }
  /** Same id and version, other content: one of the two was edited without a new version. */
  | { kind: "edited" }
  | { kind: "upgrade"; required: boolean }
  /** The workbook was made with a later version than the one loaded. */
  | { kind: "newer" };

export function packRelation(stamp: StampedPack, loaded: Pack): PackRelation {
  if (stamp.pack !== loaded.id) return { kind: "other" };
  const [a, b] = [parts(stamp.version), parts(loaded.version)];
  const order = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  if (order > 0) return { kind: "newer" };
  if (order < 0) return { kind: "upgrade", required: a[0] < b[0] };
  return stamp.hash && stamp.hash !== packHash(loaded) ? { kind: "edited" } : { kind: "same" };
}

/** What a clerk or reviewer is told of the relation (Chinese); null when there is nothing to say. */
export function relationNote(stamp: StampedPack, loaded: Pack): string | null {
  const relation = packRelation(stamp, loaded);
  const made = `工作簿按模板包 ${stamp.pack} ${stamp.version} 制作`;
  switch (relation.kind) {
    case "same":
    case "other":
      return null;
    case "edited":
      return `${made}，当前的同版本模板包内容不同（有人改动了模板包而未改版本号），请与发布单位核对`;
    case "newer":
      return `${made}，比当前的 ${loaded.version} 新：请载入新版模板包后再校验`;
    case "upgrade":
      return relation.required
        ? `${made}，当前为 ${loaded.version}（主版本不同）：须升级到新版模板包后再填报`
        : `${made}，当前为 ${loaded.version}：可以升级（不升级也可照常校验和导出）`;
  }
}
