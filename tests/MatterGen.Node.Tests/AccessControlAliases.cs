// Short names for the generated Access Control types the access-control tests build entries from.
global using Entry = MatterGen.Node.Clusters.AccessControl.AccessControlEntryStruct;
global using Modes = MatterGen.Node.Clusters.AccessControl.AccessControlEntryAuthModeEnum;
global using Privileges = MatterGen.Node.Clusters.AccessControl.AccessControlEntryPrivilegeEnum;
global using Target = MatterGen.Node.Clusters.AccessControl.AccessControlTargetStruct;
