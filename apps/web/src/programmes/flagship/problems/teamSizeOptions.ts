import { maxTeamSize } from "@jiangxin/domain";

/** 需要专家人数 choices (1–3 人) for every form that sets a problem's team size. */
export const teamSizeOptions = Array.from({ length: maxTeamSize }, (_, i) => ({ value: i + 1, label: `${i + 1}人` }));
