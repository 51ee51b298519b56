import Foundation
import YusuanSource
import YusuanStore

/// Stores an uploaded budget source as a new draft of a department (pages and API alike).
enum Uploads {
    enum Result {
        case stored(VersionRecord)
        case invalid([SourceProblem])
    }

    /// Builds and audits in a running slot of `ticket`'s queue, then stores the draft.
    static func store(_ files: [UploadedFile], department: DepartmentRecord, context: PortalContext,
                      services: PortalServices, ticket: AuditQueue.Ticket) async throws -> Result {
        guard let first = files.first else {
            throw PortalError.badRequest(zh: "请选择要上传的预算源文件（YAML、XLSX 或 CSV）。",
                                         en: "Choose a budget source file to upload (YAML, XLSX or CSV).")
        }
        let outcome = await ticket.run { Swift.Result { try VersionBuilder.build(files) } }
        switch try outcome.get() {
        case .invalid(let problems):
            return .invalid(problems)
        case .built(let built):
            let name = files.count > 1 ? "\(DocumentAuditor.displayName(first.name)) (+\(files.count - 1))" : DocumentAuditor.displayName(first.name)
            let version = try await services.store.saveDraft(try built.newVersion(departmentID: department.id, sourceName: name),
                                                             actor: context.actor)
            context.logger.info("draft stored", metadata: ["version": "\(version.id)", "department": "\(department.code)",
                                                            "errors": "\(version.errors)"])
            return .stored(version)
        }
    }

    /// Deletes a draft (a wrong upload); a published version is refused with 409, as it can never change.
    static func deleteDraft(_ v: VersionRecord, context: PortalContext, services: PortalServices) async throws {
        let refusal = PortalError(.conflict, zh: "版本 \(v.number) 已经公开，不能删除；更正请上传新版本。",
                                  en: "Version \(v.number) is published and cannot be deleted; upload a new version to correct it.")
        if v.status == .published { throw refusal }
        do {
            try await services.store.deleteDraft(versionID: v.id, actor: context.actor)
        } catch StoreError.immutable {
            throw refusal
        }
        context.logger.info("draft deleted", metadata: ["version": "\(v.id)"])
    }

    /// Publishes a draft; refused while it has errors, or when it is already published.
    static func publish(_ v: VersionRecord, context: PortalContext, services: PortalServices) async throws -> VersionRecord {
        if v.status == .published {
            throw PortalError(.conflict, zh: "版本 \(v.number) 已经公开，不能再次公开或修改；更正请上传新版本。",
                              en: "Version \(v.number) is already published and cannot change; upload a new version to correct it.")
        }
        if v.errors > 0 {
            throw PortalError(.conflict, zh: "该版本有 \(v.errors) 个错误，修正后才能公开。",
                              en: "This version has \(v.errors) errors; fix them before publishing.")
        }
        defer { services.published.forget(departmentID: v.departmentID) }
        do {
            return try await services.store.publish(versionID: v.id, actor: context.actor)
        } catch StoreError.immutable {
            throw PortalError(.conflict, zh: "版本 \(v.number) 已经公开，不能再次公开。", en: "Version \(v.number) is already published.")
        }
    }
}
