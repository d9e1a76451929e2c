import { MyRequests } from "./MyRequests.tsx";
import { RequestPage } from "./RequestPage.tsx";

/** #/requests: the requester's own requests; #/requests/:requestId: one request, live. */
export const RequestsScreen = ({ requestId }: { requestId?: string | undefined }) =>
  requestId === undefined ? <MyRequests /> : <RequestPage key={requestId} requestId={requestId} />;
