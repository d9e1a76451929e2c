import type { SessionRecord } from "@flowdesk/store";
import type { Request } from "express";

/** Who is calling, as every handler and the authorization policy see it. */
export interface SignedInUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  groups: string[];
}

export interface RequestAuth {
  /** The live server-side session, when the request brought a valid cookie. */
  session: SessionRecord | undefined;
  user: SignedInUser | null;
}

const ANONYMOUS: RequestAuth = { session: undefined, user: null };
const byRequest = new WeakMap<Request, RequestAuth>();

export const setRequestAuth = (req: Request, auth: RequestAuth): void => {
  byRequest.set(req, auth);
};

export const requestAuth = (req: Request): RequestAuth => byRequest.get(req) ?? ANONYMOUS;
