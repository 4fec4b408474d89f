import { commandRoute } from '../http/command-route';

/** `POST /api/cases/{caseId}/dfe-handoff`: record the board's decision and the Register fields (`recordDfeHandoff`, ME-70). */
export const caseDfeHandoffPost = commandRoute({
  name: 'case-dfe-handoff-post',
  method: 'POST',
  route: 'cases/{caseId}/dfe-handoff',
  type: 'recordDfeHandoff',
  summary:
    'Record the recommending board’s decision and the DfE Register withdrawal or deferral fields (ME-70)',
});
