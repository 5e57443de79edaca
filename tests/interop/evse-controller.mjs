// The controller side of the interop cases against our charger (the EVSE simulator with --matter): matter.js 0.17.9
// commissions it by discriminator (mDNS) with device attestation verified offline against the Matter Test PAA, then
// does what the case asks, and prints one RESULT line of JSON with what it saw and how long it took.
//   --case commission       case 1: read Basic Information, Descriptor, Energy EVSE; subscribe SupplyState; timed
//                           EnableCharging and its report; write UserMaximumChargeCurrent; Disable
//   --case default-connect  case 2: commissioning with the controller's default connect (wildcard read and subscribe),
//                           then a chunked wildcard read of every attribute and event and a wildcard subscribe with
//                           data-version filters
//   --case reconnect        case 3: with the stored fabric of an earlier run, reconnect over CASE and read
//   --case open-window      case 4, first admin: commission, then open an enhanced commissioning window with
//                           --window-passcode and --window-discriminator
//   --case second-admin     case 4, second admin: commission through that window, read fabric-scoped data
//   --case leave            case 4: with the stored fabric, read fabric-scoped data, then RemoveFabric of its own
//   --case wrong-passcode   case 5: a commissioning attempt with a wrong passcode must fail
//   --case fail-safe        case 5: commissioning stops after AddNOC and lets a 2 s fail-safe expire, then the
//                           commissioning again (same passcode) must succeed with exactly one fabric on the device
//   --case no-privilege     case 5: commission, restrict its own ACL to View (Administer only on Access Control),
//                           a write then gets UNSUPPORTED_ACCESS; the ACL is restored
import { Environment, Seconds } from "@matter/main";
import { AccessControl, AdministratorCommissioning, BasicInformation, Descriptor, EnergyEvse, GeneralCommissioning, OperationalCredentials } from "@matter/main/clusters";
import { ControllerCommissioningFlow, Invoke, PaseClient } from "@matter/protocol";
import { Crypto } from "@matter/main";
import { CommissioningController } from "@project-chip/matter.js";
import { deadline, offlineTrustStore, options, result } from "./common.mjs";

const args = options(["case", "discriminator", "passcode", "storage", "paa", "cdsigner", "seconds", "id", "window-passcode", "window-discriminator"]);
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
async function commission(afterConnect, flow, knownAddress) {
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
            discovery: knownAddress
                ? { knownAddress }
                : { identifierData: { longDiscriminator: Number(args.discriminator) }, discoveryCapabilities: { onIpNetwork: true } },
            passcode: Number(args.passcode),
        },
        { connectNodeAfterCommissioning: afterConnect, commissioningFlowImpl: flow },
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
    report.vendorId = await client.getAttribute({ ...basic, attribute: BasicInformation.Cluster.attributes.vendorId, requestFromRemote: true });
    report.productId = await client.getAttribute({ ...basic, attribute: BasicInformation.Cluster.attributes.productId, requestFromRemote: true });
    report.productName = await client.getAttribute({ ...basic, attribute: BasicInformation.Cluster.attributes.productName, requestFromRemote: true });
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

const opCreds = { endpointId: 0, clusterId: OperationalCredentials.Cluster.id };
const acl = { endpointId: 0, clusterId: AccessControl.Cluster.id, attribute: AccessControl.Cluster.attributes.acl };

/** What a controller sees of the fabric-scoped lists (fabric-filtered reads, as a controller does by default). */
async function readFabricScoped(client) {
    const read = attribute => client.getAttribute({ ...opCreds, attribute: OperationalCredentials.Cluster.attributes[attribute], requestFromRemote: true });
    const fabrics = await read("fabrics");
    return {
        fabrics: fabrics.map(f => ({ fabricIndex: f.fabricIndex, label: f.label, vendorId: f.vendorId })),
        nocs: (await read("nocs")).length,
        commissionedFabrics: await read("commissionedFabrics"),
        currentFabricIndex: await read("currentFabricIndex"),
        acl: (await client.getAttribute({ ...acl, requestFromRemote: true })).map(e => ({ fabricIndex: e.fabricIndex, privilege: e.privilege, subjects: e.subjects })),
    };
}

async function storedClient() {
    const nodes = controller.getCommissionedNodes();
    if (nodes.length !== 1) throw new Error(`expected one stored node, found ${nodes.length}`);
    return controller.createInteractionClient(nodes[0]);
}

async function caseOpenWindow() {
    const nodeId = await commission(false);
    const client = await controller.createInteractionClient(nodeId);
    const crypto = environment.get(Crypto);
    const salt = crypto.randomBytes(32);
    const iterations = 1000;
    const pakePasscodeVerifier = await PaseClient.generatePakePasscodeVerifier(crypto, Number(args["window-passcode"]), { iterations, salt });
    await client.invoke({
        endpointId: 0,
        clusterId: AdministratorCommissioning.Cluster.id,
        command: AdministratorCommissioning.Complete.commands.openCommissioningWindow,
        request: { commissioningTimeout: 300, pakePasscodeVerifier, discriminator: Number(args["window-discriminator"]), iterations, salt },
        asTimedRequest: true,
    });
    report.windowStatus = await client.getAttribute({ endpointId: 0, clusterId: AdministratorCommissioning.Cluster.id, attribute: AdministratorCommissioning.Cluster.attributes.windowStatus, requestFromRemote: true });
    report.seen = await readFabricScoped(client);
    report.ok = true;
}

async function caseSecondAdmin() {
    const nodeId = await commission(false);
    const client = await controller.createInteractionClient(nodeId);
    await readIdentity(client);
    report.seen = await readFabricScoped(client);
    report.ok = true;
}

async function caseLeave() {
    const client = await storedClient();
    report.seen = await readFabricScoped(client);
    const answer = await client.invoke({ ...opCreds, command: OperationalCredentials.Cluster.commands.removeFabric, request: { fabricIndex: report.seen.currentFabricIndex } });
    report.removeStatus = answer.statusCode;
    report.ok = true;
}

async function caseWrongPasscode() {
    try {
        // By address: by discriminator, matter.js would keep looking for another device until its discovery timeout.
        await commission(false, undefined, { ip: "127.0.0.1", port: 5540, type: "udp" });
        report.error = "commissioning with a wrong passcode succeeded";
    } catch (error) {
        report.refused = String(error?.message ?? error);
        report.ok = true;
    }
}

/** The matter.js flow up to AddNOC, then it arms a 2 s fail-safe and stops instead of reconnecting over CASE. */
class FailSafeExpiringFlow extends ControllerCommissioningFlow {
    constructor(...parameters) {
        super(...parameters);
        const reconnect = this.commissioningSteps.findIndex(step => step.stepNumber === 18);
        this.commissioningSteps.splice(reconnect, this.commissioningSteps.length - reconnect, {
            stepNumber: 18,
            subStepNumber: 1,
            name: "LetTheFailSafeExpire",
            stepLogic: async () => {
                for await (const _ of this.interaction.invoke(Invoke({ commands: [{ endpoint: 0, cluster: GeneralCommissioning, command: "armFailSafe", fields: { expiryLengthSeconds: 2, breadcrumb: 7 } }] }))) {
                    // The answer (ArmFailSafeResponse) is not needed: what counts is what the device keeps.
                }
                await new Promise(resolve => setTimeout(resolve, 4000));
                throw new Error("stopped after AddNOC; the fail-safe expired");
            },
        });
    }
}

async function caseFailSafe() {
    try {
        await commission(false, FailSafeExpiringFlow);
        throw new Error("the interrupted commissioning succeeded");
    } catch (error) {
        report.interrupted = String(error?.message ?? error);
    }
    report.attestationFindings = [];
    // The same controller (same fabric) again: AddNOC would answer FabricConflict had the first fabric survived.
    const nodeId = await commission(false);
    const client = await controller.createInteractionClient(nodeId);
    report.seen = await readFabricScoped(client);
    report.ok = true;
}

async function caseNoPrivilege() {
    const nodeId = await commission(false);
    const client = await controller.createInteractionClient(nodeId);
    const original = await client.getAttribute({ ...acl, requestFromRemote: true });
    const self = original[0];
    const restricted = [
        { ...self, privilege: AccessControl.AccessControlEntryPrivilege.Administer, targets: [{ endpoint: 0, cluster: AccessControl.Cluster.id, deviceType: null }] },
        { ...self, privilege: AccessControl.AccessControlEntryPrivilege.View, targets: null },
    ];
    await client.setAttribute({ attributeData: { ...acl, value: restricted } });
    report.aclAfterRestriction = (await client.getAttribute({ ...acl, requestFromRemote: true })).map(e => e.privilege);
    try {
        await client.setAttribute({ attributeData: { ...evse, attribute: EnergyEvse.Cluster.attributes.userMaximumChargeCurrent, value: 8000 } });
        report.writeStatus = "Success";
    } catch (error) {
        report.writeStatus = error?.code ?? String(error);
    }
    report.readStillAllowed = await client.getAttribute({ ...evse, attribute: EnergyEvse.Cluster.attributes.supplyState, requestFromRemote: true });
    await client.setAttribute({ attributeData: { ...acl, value: original } });
    await client.setAttribute({ attributeData: { ...evse, attribute: EnergyEvse.Cluster.attributes.userMaximumChargeCurrent, value: 8000 } });
    report.writeAfterRestore = await client.getAttribute({ ...evse, attribute: EnergyEvse.Cluster.attributes.userMaximumChargeCurrent, requestFromRemote: true });
    report.ok = true;
}

const cases = {
    commission: caseCommission,
    "default-connect": caseDefaultConnect,
    reconnect: caseReconnect,
    "open-window": caseOpenWindow,
    "second-admin": caseSecondAdmin,
    leave: caseLeave,
    "wrong-passcode": caseWrongPasscode,
    "fail-safe": caseFailSafe,
    "no-privilege": caseNoPrivilege,
};
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
