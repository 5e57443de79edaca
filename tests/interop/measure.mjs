// Measurement controller (not a test): commissions a device by discriminator (attestation verified), then invokes a
// simple command --invokes times, one after another. Prints RESULT with the commissioning time, the invoke times and
// marks (INVOKES-START / INVOKES-END lines) the device-side sampler uses to take its CPU readings.
//   --command evse-mode: Energy EVSE Mode ChangeToMode on endpoint 1 (our charger)
//   --command on-off:    On/Off Toggle on endpoint 1 (the matter.js baseline light)
import { Environment } from "@matter/main";
import { EnergyEvseMode, GeneralCommissioning, OnOff } from "@matter/main/clusters";
import { CommissioningController } from "@project-chip/matter.js";
import { writeFileSync } from "node:fs";
import { deadline, offlineTrustStore, options, result } from "./common.mjs";

const args = options(["discriminator", "passcode", "storage", "paa", "cdsigner", "seconds", "invokes", "command", "marks"]);
deadline(Number(args.seconds ?? 120), "measurement");
const environment = Environment.default;
environment.vars.set("path.root", args.storage);
const trustStore = offlineTrustStore(environment, args.paa, args.cdsigner);
const controller = new CommissioningController({ environment: { environment, id: "measure" }, autoConnect: false, adminFabricLabel: "measure" });
await controller.start();
const report = { ok: false };
try {
    const started = performance.now();
    const nodeId = await controller.commissionNode(
        {
            commissioning: {
                regulatoryLocation: GeneralCommissioning.RegulatoryLocationType.IndoorOutdoor,
                regulatoryCountryCode: "XX",
                onAttestationFailure: findings => findings.every(f => f.level !== "error" || f.type === "TrustedAsTestCertificate"),
            },
            discovery: { identifierData: { longDiscriminator: Number(args.discriminator) }, discoveryCapabilities: { onIpNetwork: true } },
            passcode: Number(args.passcode),
        },
        { connectNodeAfterCommissioning: false },
    );
    report.commissioningMs = Math.round(performance.now() - started);
    const client = await controller.createInteractionClient(nodeId);
    const invoke =
        args.command === "on-off"
            ? () => client.invoke({ endpointId: 1, clusterId: OnOff.Cluster.id, command: OnOff.Cluster.commands.toggle, request: undefined })
            : () => client.invoke({ endpointId: 1, clusterId: EnergyEvseMode.Cluster.id, command: EnergyEvseMode.Cluster.commands.changeToMode, request: { newMode: 0 } });
    for (let i = 0; i < 20; i++) await invoke().catch(() => {}); // warm both ends
    const count = Number(args.invokes ?? 500);
    writeFileSync(args.marks, "start\n");
    await new Promise(resolve => setTimeout(resolve, 300));
    const t0 = performance.now();
    let failures = 0;
    for (let i = 0; i < count; i++) await invoke().catch(() => failures++);
    report.invokeMeanMs = (performance.now() - t0) / count;
    writeFileSync(args.marks, "end\n");
    await new Promise(resolve => setTimeout(resolve, 300));
    report.invokes = count;
    report.failures = failures;
    report.ok = true;
} catch (error) {
    report.error = String(error?.stack ?? error);
}
result(report);
await controller.close();
await trustStore.close();
process.exit(report.ok ? 0 : 1);
