// Shared helpers of the interop scripts: argument parsing, a hard deadline and one JSON line of result.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Seconds } from "@matter/main";
import { GeneralCommissioning } from "@matter/main/clusters";
import { DclCertificateService } from "@matter/protocol";

/** Parses --name value options; every option is a string. */
export function options(names) {
    const { values } = parseArgs({ options: Object.fromEntries(names.map(n => [n, { type: "string" }])), strict: true });
    return values;
}

/** Ends the process with a JSON failure after `seconds`, so no run can hang the test that started it. */
export function deadline(seconds, what) {
    const timer = setTimeout(() => {
        result({ ok: false, error: `${what} did not finish within ${seconds} s` });
        process.exit(3);
    }, seconds * 1000);
    timer.unref();
}

/** Prints the one result line the C# test reads (prefixed so log lines are never mistaken for it). */
export function result(value) {
    process.stdout.write(`RESULT ${JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v))}\n`);
}

/**
 * A device attestation trust store with only the given PEM certificates (a PAA and a CD signer), registered in
 * `environment`. It never reaches the network for them: the cases run in a private namespace.
 */
export function offlineTrustStore(environment, paaPem, cdSignerPem) {
    return new DclCertificateService(environment, {
        fetchTestCertificates: true,
        acceptTestCertificates: true,
        fetchGithubCertificates: false,
        updateInterval: null,
        timeout: Seconds(1),
        seed: { paaRoots: seedOf(paaPem), cdSigners: seedOf(cdSignerPem) },
    });
}

function seedOf(pemPath) {
    const der = Buffer.from(readFileSync(pemPath, "utf8").replace(/-----[^-]+-----|\s/g, ""), "base64");
    // The subject key identifier extension: OID 2.5.29.14, then OCTET STRING { OCTET STRING (20 bytes) }.
    const marker = Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x0e, 0x04, 0x16, 0x04, 0x14]);
    const at = der.indexOf(marker);
    const subjectKeyId = der.subarray(at + marker.length, at + marker.length + 20).toString("hex").toUpperCase();
    const entries = (async function* () {
        yield { subjectKeyId, derHex: der.toString("hex"), kind: "test" };
    })();
    return { builtAt: new Date().toISOString(), expectedCount: 1, entries };
}

/**
 * What the controllers pass to `commissionNode`: found by long discriminator over mDNS (or at a known address),
 * with device attestation verified. Every attestation finding goes to `findings`; any error aborts except that the
 * PAA is a test PAA, which the cases trust on purpose.
 */
export function commissioningRequest({ discriminator, passcode, knownAddress, findings = [] }) {
    return {
        commissioning: {
            regulatoryLocation: GeneralCommissioning.RegulatoryLocationType.IndoorOutdoor,
            regulatoryCountryCode: "XX",
            onAttestationFailure: found => {
                findings.push(...found.map(f => ({ level: f.level, type: f.type, message: f.message })));
                return found.every(f => f.level !== "error" || f.type === "TrustedAsTestCertificate");
            },
        },
        discovery: knownAddress
            ? { knownAddress }
            : { identifierData: { longDiscriminator: Number(discriminator) }, discoveryCapabilities: { onIpNetwork: true } },
        passcode: Number(passcode),
    };
}

/** Prints the result, closes the controller and the trust store, and exits 0 when the run went well. */
export async function finish(report, controller, trustStore) {
    result(report);
    await controller.close();
    await trustStore.close();
    process.exit(report.ok ? 0 : 1);
}
