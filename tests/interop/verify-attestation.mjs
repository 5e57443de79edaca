// Checks a device's attestation answers with matter.js's own validator (the code a matter.js controller runs
// during commissioning), offline against the Matter Test PAA and the test CD signing certificate.
// Input: a JSON file with hex fields dac, pai, attestationElements, attestationSignature, attestationNonce,
// attestationChallenge, nocsrElements, nocsrSignature and numbers vendorId, productId.
import { readFileSync } from "node:fs";
import { Environment, Crypto, Bytes, EcdsaSignature } from "@matter/main";
import { DeviceAttestationValidator } from "@matter/protocol";
import { deadline, offlineTrustStore, options, result } from "./common.mjs";

const args = options(["input", "storage", "paa", "cdsigner"]);
deadline(60, "attestation check");
const environment = Environment.default;
environment.vars.set("path.root", args.storage);

const service = offlineTrustStore(environment, args.paa, args.cdsigner);
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
