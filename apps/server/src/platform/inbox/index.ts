// 待办与消息: the inbox's public surface. Programmes call raiseTodo / closeTodos / notify inside their own
// transaction; app.ts registers inboxRoutes. Contract and decisions: docs/inbox.md.
export type { TodoAddressee } from "./addressedTo";
export { closeTodos, raiseTodo, raiseTodos, type RaiseTodo, type TodoSource } from "./raiseTodo";
export { enqueueOutside, notify, type Notify, type OutsideMessage, type SealedRecipient } from "./notify";
export { inboxRoutes } from "./routes";
