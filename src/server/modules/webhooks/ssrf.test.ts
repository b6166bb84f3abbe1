import { describe, expect, it } from "vitest";
import { checkTarget, isPublicAddress, type ResolveHost } from "./ssrf.js";

const fakeDns =
  (table: Record<string, string[]>): ResolveHost =>
  async (host) => {
    const list = table[host];
    if (!list) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return list.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };

describe("SSRF guard", () => {
  it.each([
    ["127.0.0.1", false],
    ["127.8.9.10", false],
    ["10.1.2.3", false],
    ["172.16.0.1", false],
    ["172.31.255.255", false],
    ["192.168.1.1", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["0.0.0.0", false],
    ["224.0.0.1", false],
    ["255.255.255.255", false],
    ["198.18.0.1", false],
    ["192.0.2.10", false],
    ["::", false],
    ["::1", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:8.8.8.8", false],
    ["64:ff9b::a00:1", false],
    ["fc00::1", false],
    ["fd12:3456::1", false],
    ["fe80::1", false],
    ["ff02::1", false],
    ["2001:db8::1", false],
    ["2002:7f00:1::", false],
    ["8.8.8.8", true],
    ["93.184.215.14", true],
    ["172.32.0.1", true],
    ["100.128.0.1", true],
    ["2606:4700:4700::1111", true],
    ["not-an-ip", false],
  ])("%s is public: %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  const strict = { allowPrivate: false, resolve: fakeDns({ "hooks.example.com": ["93.184.215.14"], "internal.example.com": ["10.0.0.7"], "mixed.example.com": ["93.184.215.14", "127.0.0.1"] }) };

  it("accepts an https URL whose host resolves to public addresses, and pins the checked address", async () => {
    const t = await checkTarget("https://hooks.example.com/tandem?x=1", strict);
    expect(t).toMatchObject({ address: "93.184.215.14", family: 4 });
    expect(t.url.pathname).toBe("/tandem");
  });

  it.each([
    ["http://hooks.example.com/", "must use https"],
    ["ftp://hooks.example.com/", "must use https"],
    ["https://user:pw@hooks.example.com/", "credentials"],
    ["https://127.0.0.1/", "private"],
    ["https://2130706433/", "private"], // decimal form of 127.0.0.1
    ["https://0x7f.1/", "private"],
    ["https://10.0.0.1:8443/", "private"],
    ["https://169.254.169.254/latest/meta-data", "private"],
    ["https://[::1]/", "private"],
    ["https://[::ffff:10.0.0.1]/", "private"],
    ["https://internal.example.com/", "10.0.0.7"],
    ["https://mixed.example.com/", "127.0.0.1"],
    ["https://nowhere.example.com/", "could not be resolved"],
    ["not a url", "not a valid URL"],
  ])("refuses %s", async (url, message) => {
    await expect(checkTarget(url, strict)).rejects.toThrow(message);
  });

  it("lets http and private targets through only with the explicit allowance", async () => {
    const loose = { ...strict, allowPrivate: true };
    await expect(checkTarget("http://127.0.0.1:9999/hook", loose)).resolves.toMatchObject({ address: "127.0.0.1" });
    await expect(checkTarget("https://internal.example.com/", loose)).resolves.toMatchObject({ address: "10.0.0.7" });
    await expect(checkTarget("https://user:pw@127.0.0.1/", loose)).rejects.toThrow("credentials");
  });
});
