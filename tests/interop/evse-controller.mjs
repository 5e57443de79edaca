// The controller side of the interop cases against our charger (the EVSE simulator with --matter): matter.js 0.17.9
// commissions it by discriminator (mDNS) with device attestation verified offline against the Matter Test PAA, then
// does what the case asks, and prints one RESULT line of JSON with what it saw and how long it took.
//   --case commission       case 1: read Basic Information, Descriptor, Energy EVSE; subscribe SupplyState; timed
//                           EnableCharging and its report; write UserMaximumChargeCurrent; Disable
//   --case default-connect  case 2: commissioning with the controller's default connect (wildcard read and subscribe),
//                           then a chunked wildcard read of every attribute and event and a wildcard subscribe with
//                           data-version filters
//   --case reconnect        case 3: with the stored fabric of an earlier run, reconnect over CASE and read
import { Environment } from "@matter/main";
import { BasicInformation, Descriptor, EnergyEvse, GeneralCommissioning, OperationalCredentials } from "@matter/main/clusters";
import { CommissioningController } from "@project-chip/matter.js";
import { deadline, offlineTrustStore, options, result } from "./common.mjs";

const args = options(["case", "discriminator", "passcode", "storage", "paa", "cdsigner", "seconds", "id"]);
deadline(Number(args.seconds ?? 120), `controller (${args.case})`);
const environment = Environment.default;
environment.vars.set("path.root", args.storage);
const trustStore = offlineTrustStore(environment, args.paa, args.cdsigner);

const controller = new CommissioningController({
    environment: { environment, id: args.id ?? "interop-controller" },
    autoConnect: false,
    adminFabricLabel: "matterjs-interop",
});
await controller.start();

const EVSE = 1;
const basic = { endpointId: 0, clusterId: BasicInformation.Cluster.id };
const evse = { endpointId: EVSE, clusterId: EnergyEvse.Cluster.id };
const report = { ok: false, case: args.case, attestationFindings: [] };

/** Commissions by discriminator with attestation verified; returns the node id. */
async function commission(afterConnect) {
    const started = performance.now();
    const nodeId = await controller.commissionNode(
        {
            commissioning: {
                regulatoryLocation: GeneralCommissioning.RegulatoryLocationType.IndoorOutdoor,
                regulatoryCountryCode: "XX",
                // Verified: any error finding aborts, except that the PAA is a test PAA (which we trust on purpose).
                onAttestationFailure: findings => {
                    report.attestationFindings.push(...findings.map(f => ({ level: f.level, type: f.type, message: f.message })));
                    return findings.every(f => f.level !== "error" || f.type === "TrustedAsTestCertificate");
                },
            },
            discovery: { identifierData: { longDiscriminator: Number(args.discriminator) }, discoveryCapabilities: { onIpNetwork: true } },
            passcode: Number(args.passcode),
        },
        { connectNodeAfterCommissioning: afterConnect },
    );
    report.commissioningMs = Math.round(performance.now() - started);
    report.nodeId = nodeId;
    return nodeId;
}

/** Resolves with the first value the predicate accepts, or rejects after `ms`. */
function waitFor(values, predicate, ms, what) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms; saw ${JSON.stringify(values)}`)), ms);
        const check = () => {
            const hit = values.find(predicate);
            if (hit !== undefined) {
                clearTimeout(timer);
                resolve(hit);
            } else {
                setTimeout(check, 20);
            }
        };
        check();
    });
}

async function readIdentity(client) {
    report.vendorId = await client.getAttribute({ ...basic, attribute: BasicInformation.Cluster.attributes.vendorId });
    report.productId = await client.getAttribute({ ...basic, attribute: BasicInformation.Cluster.attributes.productId });
    report.productName = await client.getAttribute({ ...basic, attribute: BasicInformation.Cluster.attributes.productName });
}

async function caseCommission() {
    const nodeId = await commission(false);
    const client = await controller.createInteractionClient(nodeId);
    await readIdentity(client);
    const descriptor = attribute => client.getAttribute({ endpointId: EVSE, clusterId: Descriptor.Cluster.id, attribute });
    report.partsList = await client.getAttribute({ endpointId: 0, clusterId: Descriptor.Cluster.id, attribute: Descriptor.Cluster.attributes.partsList });
    report.deviceTypes = (await descriptor(Descriptor.Cluster.attributes.deviceTypeList)).map(d => d.deviceType);
    report.serverList = await descriptor(Descriptor.Cluster.attributes.serverList);
    const read = attribute => client.getAttribute({ ...evse, attribute: EnergyEvse.Cluster.attributes[attribute], requestFromRemote: true });
    report.evse = { state: await read("state"), supplyState: await read("supplyState"), faultState: await read("faultState"), maximumChargeCurrent: await read("maximumChargeCurrent") };

    const supplyReports = [];
    await client.subscribeAttribute({
        ...evse,
        attribute: EnergyEvse.Cluster.attributes.supplyState,
        minIntervalFloorSeconds: 0,
        maxIntervalCeilingSeconds: 30,
        listener: value => supplyReports.push(value),
    });
    // EnableCharging is a timed command: matter.js sends the TimedRequest before the invoke by itself.
    const invokeStarted = performance.now();
    await client.invoke({ ...evse, command: EnergyEvse.Cluster.commands.enableCharging, request: { chargingEnabledUntil: null, minimumChargeCurrent: 6000, maximumChargeCurrent: 16000 } });
    report.invokeMs = Math.round(performance.now() - invokeStarted);
    await waitFor(supplyReports, v => v === EnergyEvse.SupplyState.ChargingEnabled, 10_000, "SupplyState report of ChargingEnabled");

    await client.setAttribute({ attributeData: { ...evse, attribute: EnergyEvse.Cluster.attributes.userMaximumChargeCurrent, value: 10000 } });
    report.userMaximumChargeCurrent = await read("userMaximumChargeCurrent");
    report.maximumChargeCurrentAfterWrite = await read("maximumChargeCurrent");

    await client.invoke({ ...evse, command: EnergyEvse.Cluster.commands.disable, request: undefined, asTimedRequest: true });
    await waitFor(supplyReports, v => v === EnergyEvse.SupplyState.Disabled, 10_000, "SupplyState report of Disabled");
    report.supplyReports = supplyReports;
    report.ok = true;
}

async function caseDefaultConnect() {
    const nodeId = await commission(true);
    const node = await controller.getNode(nodeId);
    report.connected = node.isConnected;
    const client = await controller.createInteractionClient(nodeId);
    // Every attribute and event of the node; the device must chunk it (a ReportData stays under 1280 bytes).
    const everything = await client.getMultipleAttributesAndEvents({ attributes: [{}], events: [{}], isFabricFiltered: true });
    report.attributeCount = everything.attributeReports.length;
    report.eventCount = everything.eventReports.length;
    report.endpoints = [...new Set(everything.attributeReports.map(r => r.path.endpointId))].sort();
    // Subscribe to everything with a data-version filter for every cluster just read: the priming report carries
    // only clusters whose version moved since.
    const versions = new Map();
    for (const r of everything.attributeReports) versions.set(`${r.path.endpointId}/${r.path.clusterId}`, { endpointId: r.path.endpointId, clusterId: r.path.clusterId, dataVersion: r.version });
    const subscribed = await client.subscribeMultipleAttributesAndEvents({
        attributes: [{}],
        events: [{}],
        minIntervalFloorSeconds: 0,
        maxIntervalCeilingSeconds: 60,
        dataVersionFilters: [...versions.values()],
        isFabricFiltered: true,
    });
    report.filters = versions.size;
    report.primingAttributes = subscribed.attributeReports?.length ?? 0;
    report.maxInterval = subscribed.maxInterval;
    await readIdentity(client);
    report.ok = true;
}

async function caseReconnect() {
    const nodes = controller.getCommissionedNodes();
    report.commissionedNodes = nodes;
    if (nodes.length !== 1) throw new Error(`expected one stored node, found ${nodes.length}`);
    const started = performance.now();
    const client = await controller.createInteractionClient(nodes[0]);
    await readIdentity(client);
    report.reconnectMs = Math.round(performance.now() - started);
    report.supplyState = await client.getAttribute({ ...evse, attribute: EnergyEvse.Cluster.attributes.supplyState, requestFromRemote: true });
    report.fabrics = (await client.getAttribute({ endpointId: 0, clusterId: OperationalCredentials.Cluster.id, attribute: OperationalCredentials.Cluster.attributes.fabrics, requestFromRemote: true })).length;
    report.ok = true;
}

const cases = { commission: caseCommission, "default-connect": caseDefaultConnect, reconnect: caseReconnect };
try {
    if (!cases[args.case]) throw new Error(`unknown --case ${args.case}`);
    await cases[args.case]();
} catch (error) {
    report.error = String(error?.stack ?? error);
}
result(report);
await controller.close();
await trustStore.close();
process.exit(report.ok ? 0 : 1);
