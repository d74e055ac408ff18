export { createComplaint, type NewComplaint } from "./createComplaint.ts";
export { type DefectionReasonsOptions, defectionReasons } from "./defectionReasons.ts";
export { type ComplaintRow, type ListComplaintsOptions, listComplaints } from "./listComplaints.ts";
export { recordSurveyResponse, type SurveyResponse } from "./recordSurveyResponse.ts";
export { type ComplaintUpdate, updateComplaint } from "./updateComplaint.ts";
