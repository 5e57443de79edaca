// The baseline device: a matter.js On/Off light, commissionable with the given passcode and discriminator.
// Its attestation chain is the one matter.js derives at start from the published Matter Test PAA key.
import { Environment, ServerNode, VendorId } from "@matter/main";
import { OnOffLightDevice } from "@matter/main/devices/on-off-light";
import { deadline, options, result } from "./common.mjs";

const args = options(["port", "passcode", "discriminator", "storage", "seconds"]);
deadline(Number(args.seconds ?? 120), "device");
const environment = Environment.default;
environment.vars.set("path.root", args.storage);

const node = await ServerNode.create({
    id: "baseline-device",
    network: { port: Number(args.port ?? 5540) },
    commissioning: { passcode: Number(args.passcode), discriminator: Number(args.discriminator) },
    productDescription: { name: "matter.js baseline light", deviceType: OnOffLightDevice.deviceType, vendorId: VendorId(0xfff1), productId: 0x8000 },
    basicInformation: {
        vendorName: "matter.js",
        vendorId: VendorId(0xfff1),
        productName: "Baseline light",
        productId: 0x8000,
        nodeLabel: "baseline",
        serialNumber: "baseline-0001",
        uniqueId: "baseline-0001",
    },
});
await node.add(OnOffLightDevice, { id: "light" });
await node.start();
result({ ok: true, ready: true });

const stop = async () => {
    await node.close();
    process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
