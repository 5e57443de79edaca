// Commissionable discovery with matter.js's own mDNS scanner: finds devices by long discriminator and prints what
// it parsed from their DNS-SD records (instance, TXT keys, addresses).
import { Environment, Seconds } from "@matter/main";
import { CommissioningController } from "@project-chip/matter.js";
import { deadline, options, result } from "./common.mjs";

const args = options(["discriminator", "storage", "seconds"]);
const seconds = Number(args.seconds ?? 20);
deadline(seconds + 10, "discovery");
const environment = Environment.default;
environment.vars.set("path.root", args.storage);
const controller = new CommissioningController({ environment: { environment, id: "interop-discovery" }, autoConnect: false, adminFabricLabel: "matterjs-interop" });
await controller.start();
const started = performance.now();
const found = await new Promise(resolve => {
    controller
        .discoverCommissionableDevices({ longDiscriminator: Number(args.discriminator) }, { onIpNetwork: true }, device => resolve([device]), Seconds(seconds))
        .then(devices => resolve(devices), error => resolve({ error: String(error) }));
});
const elapsedMs = Math.round(performance.now() - started);
result(Array.isArray(found) ? { ok: found.length > 0, elapsedMs, devices: found } : { ok: false, elapsedMs, error: found.error });
await controller.close();
process.exit(0);
