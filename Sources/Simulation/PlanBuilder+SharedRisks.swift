import ScenarioModel
import ScenarioSyntax

/// Scenario-level risks (docs/scenario-language.md §6 "Shared risks"): the random numbers of a
/// risk that does not depend on the choice are drawn once, into shared columns like the shared
/// inputs, and every option it applies to compiles its own window and payments from them. In
/// iteration i every copy therefore sees the same occurrence uniform, the same time uniform (placed
/// in its own window: from + v × (until − from)) and the same impact draws.
extension PlanBuilder {
    /// The columns a scenario-level risk shares between its copies.
    struct SharedRiskColumns {
        var chance: Slot
        /// For a risk that delays a task: its occurrence (0/1, u < chance) and its delay in months
        /// (a drawn delay below zero counts as zero).
        var scheduleOccurs: Slot?
        var delay: Slot?
        /// The occurrence and time uniforms: one pair, or one per appraisal year for a per-year
        /// risk (a schedule risk's time uniform places its costs when it has a window).
        var uniforms: [(occurs: Slot, time: Slot)]
        /// The impacts of one occurrence, or of each appraisal year's.
        var impacts: [ImpactColumns]
        /// The offsets of the window's bounds (`go-live + 3 months`): each copy adds them to its
        /// own bases, and checks the sum in every iteration.
        var fromOffset: Slot?
        var untilOffset: Slot?
    }

    /// Compiles every scenario-level risk's shared columns, in the model's numbering order: a
    /// schedule risk's chance and delay, then the window's offsets, the chance, the impacts.
    mutating func compileSharedRisks() {
        for (id, shared) in scenario.risks.enumerated {
            let options = scenario.options
            guard
                let risk = shared.appliesTo.lazy.compactMap({ options[$0.index].risks.first { $0.shared == id } }).first
            else {
                sharedRisks.append(nil)
                continue
            }
            var scope = Scope()
            let what = "scenario-level risk `\(risk.name)`"
            var chance: Slot?
            var scheduleOccurs: Slot?
            var scheduleUniform: Slot?
            var delay: Slot?
            if risk.isScheduleRisk, let d = risk.delay {
                let (c, u, occurs, length) = scheduleRisk(risk.chance, delay: d, what: what, scope: &scope)
                scheduleOccurs = occurs
                chance = c
                scheduleUniform = u
                delay = length
            }
            let fromOffset = risk.from?.offset.map { compile($0, scope: &scope) }
            let untilOffset = risk.until?.offset.map { compile($0, scope: &scope) }
            if chance == nil {
                let c = compile(risk.chance, scope: &scope)
                require(c, .probability, "`chance` of " + what, at: risk.chance.mark)
                chance = c
            }
            var uniforms: [(occurs: Slot, time: Slot)] = []
            var impacts: [ImpactColumns] = []
            for (k, impact) in risk.impacts.enumerated() {
                if k == 0 || risk.perYear {
                    uniforms.append((scheduleUniform ?? uniform(fixed: 1), uniform(fixed: 0.5)))
                }
                impacts.append(compileImpact(impact, scope: &scope, what: risk.perYear ? "\(what) (year \(k))" : what))
            }
            sharedRisks.append(
                SharedRiskColumns(
                    chance: chance ?? constant(0), scheduleOccurs: scheduleOccurs, delay: delay, uniforms: uniforms,
                    impacts: impacts, fromOffset: fromOffset, untilOffset: untilOffset))
        }
    }

}
