import ScenarioModel
import Sampling
// Placeholder: plan compilation and the chunked engine go here.
