// Shapes of the recuperation programme's records and requests (filled in with the server's routes).
export const recuperationStandardPerDay = 600;
export const recuperationMaxDays = 5;
