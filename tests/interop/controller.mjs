// The controller the interop tests own: matter.js 0.17.9 commissions a device found by its discriminator (mDNS),
// with device attestation verified offline against the Matter Test PAA and the test CD signing certificate, then
// reads, subscribes, invokes and writes, and prints one RESULT line of JSON with what it saw and how long it took.
import { Environment } from "@matter/main";
import { BasicInformation, Descriptor, OnOff } from "@matter/main/clusters";
import { CommissioningController } from "@project-chip/matter.js";
import { commissioningRequest, deadline, finish, offlineTrustStore, options } from "./common.mjs";

const args = options(["discriminator", "passcode", "storage", "paa", "cdsigner", "seconds", "endpoint", "after-connect"]);
deadline(Number(args.seconds ?? 120), "controller");
const environment = Environment.default;
environment.vars.set("path.root", args.storage);

const trustStore = offlineTrustStore(environment, args.paa, args.cdsigner);

const controller = new CommissioningController({
    environment: { environment, id: "interop-controller" },
    autoConnect: false,
    adminFabricLabel: "matterjs-interop",
});
await controller.start();

const report = { ok: false, attestationFindings: [] };
try {
    const started = performance.now();
    const nodeId = await controller.commissionNode(
        commissioningRequest({ discriminator: args.discriminator, passcode: args.passcode, findings: report.attestationFindings }),
        // --after-connect true: the controller's default, a wildcard read and a wildcard subscribe right after.
        { connectNodeAfterCommissioning: args["after-connect"] === "true" },
    );
    report.commissioningMs = Math.round(performance.now() - started);
    report.nodeId = nodeId;

    const client = await controller.createInteractionClient(nodeId);
    const endpoint = Number(args.endpoint ?? 1);
    const basic = { endpointId: 0, clusterId: BasicInformation.Cluster.id };
    report.vendorId = await client.getAttribute({ ...basic, attribute: BasicInformation.Cluster.attributes.vendorId });
    report.productId = await client.getAttribute({ ...basic, attribute: BasicInformation.Cluster.attributes.productId });
    report.productName = await client.getAttribute({ ...basic, attribute: BasicInformation.Cluster.attributes.productName });
    report.partsList = await client.getAttribute({ endpointId: 0, clusterId: Descriptor.Cluster.id, attribute: Descriptor.Cluster.attributes.partsList });

    // Subscribe to OnOff, invoke Toggle, and wait for the report of the change.
    const onOff = { endpointId: endpoint, clusterId: OnOff.Cluster.id };
    const reported = [];
    let sawChange;
    const changed = new Promise(resolve => (sawChange = resolve));
    await client.subscribeAttribute({
        ...onOff,
        attribute: OnOff.Cluster.attributes.onOff,
        minIntervalFloorSeconds: 0,
        maxIntervalCeilingSeconds: 30,
        listener: value => {
            reported.push(value);
            if (value === true) sawChange();
        },
    });
    const before = await client.getAttribute({ ...onOff, attribute: OnOff.Cluster.attributes.onOff });
    const invokeStarted = performance.now();
    await client.invoke({ ...onOff, command: OnOff.Cluster.commands.on, request: undefined });
    report.invokeMs = Math.round(performance.now() - invokeStarted);
    await Promise.race([changed, new Promise((_, reject) => setTimeout(() => reject(new Error("no subscription report after On")), 10_000))]);
    report.onOff = { before, reported };

    // Write and read back.
    await client.setAttribute({ attributeData: { ...basic, attribute: BasicInformation.Cluster.attributes.nodeLabel, value: "written-by-interop" } });
    report.nodeLabel = await client.getAttribute({ ...basic, attribute: BasicInformation.Cluster.attributes.nodeLabel, requestFromRemote: true });
    report.ok = true;
} catch (error) {
    report.error = String(error?.stack ?? error);
}
await finish(report, controller, trustStore);
