// Checks a device's attestation answers with matter.js's own validator (the code a matter.js controller runs
// during commissioning), offline against the Matter Test PAA and the test CD signing certificate.
// Input: a JSON file with hex fields dac, pai, attestationElements, attestationSignature, attestationNonce,
// attestationChallenge, nocsrElements, nocsrSignature and numbers vendorId, productId.
import { readFileSync } from "node:fs";
import { Environment, Seconds, Crypto, Bytes, EcdsaSignature } from "@matter/main";
import { DclCertificateService, DeviceAttestationValidator } from "@matter/protocol";
import { deadline, options, result } from "./common.mjs";

const args = options(["input", "storage", "paa", "cdsigner"]);
deadline(60, "attestation check");
const environment = Environment.default;
environment.vars.set("path.root", args.storage);

function seedOf(pemPath) {
    const der = Buffer.from(readFileSync(pemPath, "utf8").replace(/-----[^-]+-----|\s/g, ""), "base64");
    const marker = Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x0e, 0x04, 0x16, 0x04, 0x14]);
    const at = der.indexOf(marker);
    const subjectKeyId = der.subarray(at + marker.length, at + marker.length + 20).toString("hex").toUpperCase();
    return { builtAt: new Date().toISOString(), expectedCount: 1, entries: (async function* () { yield { subjectKeyId, derHex: der.toString("hex"), kind: "test" }; })() };
}
const service = new DclCertificateService(environment, {
    fetchTestCertificates: true,
    acceptTestCertificates: true,
    fetchGithubCertificates: false,
    updateInterval: null,
    timeout: Seconds(1),
    seed: { paaRoots: seedOf(args.paa), cdSigners: seedOf(args.cdsigner) },
});
await service.construction;

const input = JSON.parse(readFileSync(args.input, "utf8"));
const hex = name => Bytes.fromHex(input[name]);
const crypto = environment.get(Crypto);
try {
    const validation = await DeviceAttestationValidator.validate(
        { crypto, attestationChallenge: hex("attestationChallenge"), dclCertificateService: service },
        {
            dac: hex("dac"),
            pai: hex("pai"),
            attestationElements: hex("attestationElements"),
            attestationSignature: hex("attestationSignature"),
            attestationNonce: hex("attestationNonce"),
            vendorId: input.vendorId,
            productId: input.productId,
        },
    );
    // What the commissioning flow checks on CSRResponse: the signature over NOCSR elements || challenge with the DAC key.
    let csrSignatureValid = true;
    try {
        await crypto.verifyEcdsa(validation.dacPublicKey, Bytes.concat(hex("nocsrElements"), hex("attestationChallenge")), new EcdsaSignature(hex("nocsrSignature")));
    } catch {
        csrSignatureValid = false;
    }
    result({ ok: csrSignatureValid, csrSignatureValid, findings: validation.findings });
} catch (error) {
    result({ ok: false, error: String(error?.stack ?? error), failure: error?.failure });
}
await service.close?.();
process.exit(0);
